package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.AUDIT_LOG;

import dev.rei.application.port.out.AuditLog;
import dev.rei.domain.user.UserId;
import java.util.List;

/** The admin audit trail on PostgreSQL, written in the transaction of the action it records. */
public final class PostgresAuditLog implements AuditLog {

  private final JooqUnitOfWork db;

  public PostgresAuditLog(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void record(Entry entry) {
    db.query(dsl -> dsl.insertInto(AUDIT_LOG)
        .set(AUDIT_LOG.ADMIN, entry.admin().value())
        .set(AUDIT_LOG.ACTION, entry.action())
        .set(AUDIT_LOG.TARGET, entry.target().value())
        .set(AUDIT_LOG.DETAILS, entry.details())
        .set(AUDIT_LOG.REASON, entry.reason())
        .set(AUDIT_LOG.AT, Times.toDb(entry.at()))
        .execute());
  }

  @Override
  public List<Entry> about(UserId target, int limit) {
    return db.query(dsl -> dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.TARGET.eq(target.value()))
        .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc()).limit(limit)
        .fetch(row -> new Entry(UserId.of(row.getAdmin()), row.getAction(), UserId.of(row.getTarget()), row.getDetails(),
            row.getReason(), Times.fromDb(row.getAt()))));
  }
}
