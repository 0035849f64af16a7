package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.AUDIT_LOG;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.AuditLogRecord;
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
    AuditLogRecord row = new AuditLogRecord();
    AuditLogMapper.fill(row, entry);
    db.query(dsl -> dsl.insertInto(AUDIT_LOG).set(row).execute());
  }

  @Override
  public List<Entry> about(UserId target, int limit) {
    return db.query(dsl -> dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.TARGET.eq(target.value()))
        .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc()).limit(limit).fetch(AuditLogMapper::toEntry));
  }
}
