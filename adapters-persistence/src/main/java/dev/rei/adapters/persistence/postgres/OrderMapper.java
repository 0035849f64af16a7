package dev.rei.adapters.persistence.postgres;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.OrdersRecord;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.user.UserId;
import java.util.Arrays;
import java.util.UUID;

/** {@code orders} rows to {@link Order} and back; the job ids keep their order in a {@code uuid[]}. */
final class OrderMapper {

  private OrderMapper() {}

  static void fill(OrdersRecord row, Order order) {
    row.setId(order.id().value());
    row.setUserId(order.userId().value());
    row.setIdempotencyKey(order.key().value());
    row.setKind(order.kind().name());
    row.setUnitPrice(order.unitPrice().value());
    row.setJobIds(order.jobIds().stream().map(JobId::value).toArray(UUID[]::new));
    row.setPlacedAt(Times.toDb(order.placedAt()));
  }

  static Order toOrder(OrdersRecord row) {
    return new Order(OrderId.of(row.getId()), UserId.of(row.getUserId()), IdempotencyKey.of(row.getIdempotencyKey()),
        JobKind.valueOf(row.getKind()), Credits.of(row.getUnitPrice()),
        Arrays.stream(row.getJobIds()).map(JobId::of).toList(), Times.fromDb(row.getPlacedAt()));
  }
}
