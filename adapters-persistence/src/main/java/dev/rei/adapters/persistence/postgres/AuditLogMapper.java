package dev.rei.adapters.persistence.postgres;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.AuditLogRecord;
import dev.rei.application.port.out.AuditLog;
import dev.rei.domain.user.UserId;

/** {@code audit_log} rows to {@link AuditLog.Entry} and back. */
final class AuditLogMapper {

  private AuditLogMapper() {}

  /** Every column but the id, which orders entries recorded at the same instant and is the database's to assign. */
  static void fill(AuditLogRecord row, AuditLog.Entry entry) {
    row.setAdmin(entry.admin().value());
    row.setAction(entry.action());
    row.setTarget(entry.target().value());
    row.setDetails(entry.details());
    row.setReason(entry.reason());
    row.setAt(Times.toDb(entry.at()));
  }

  static AuditLog.Entry toEntry(AuditLogRecord row) {
    return new AuditLog.Entry(UserId.of(row.getAdmin()), row.getAction(), UserId.of(row.getTarget()), row.getDetails(),
        row.getReason(), Times.fromDb(row.getAt()));
  }
}
