package dev.rei.adapters.persistence.postgres;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.OutboxRecord;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import java.util.Optional;

/** {@code outbox} rows to {@link OutboxMessage} and back; a notice's values are a {@code jsonb} object. */
final class OutboxMapper {

  private OutboxMapper() {}

  /** Every column but the sequence, which the database assigns, and the undeliverable reason, set only on giving up. */
  static void fill(OutboxRecord row, OutboxMessage message) {
    row.setId(message.id());
    row.setChatId(message.chatId());
    row.setNoticeType(message.notice().type().name());
    row.setNoticeValues(JsonMaps.toJson(message.notice().values()));
    row.setCreatedAt(Times.toDb(message.createdAt()));
    row.setAttempts(message.attempts());
    row.setNextAttemptAt(Times.toDb(message.nextAttemptAt()));
    row.setSentAt(message.sentAt().map(Times::toDb).orElse(null));
    row.setLastError(message.lastError().orElse(null));
  }

  static OutboxMessage toMessage(OutboxRecord row) {
    Notice notice = Notice.of(Notice.Type.valueOf(row.getNoticeType()),
        JsonMaps.fromJson(row.getNoticeValues(), "notice values"));
    return new OutboxMessage(row.getId(), row.getChatId(), notice, Times.fromDb(row.getCreatedAt()), row.getAttempts(),
        Times.fromDb(row.getNextAttemptAt()), Optional.ofNullable(row.getSentAt()).map(Times::fromDb),
        Optional.ofNullable(row.getLastError()));
  }
}
