package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.ORDERS;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.OrdersRecord;
import dev.rei.application.port.out.OrderStore;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.user.UserId;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Orders on PostgreSQL, unique by idempotency key. */
public final class PostgresOrderStore implements OrderStore {

  private final JooqUnitOfWork db;

  public PostgresOrderStore(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public Optional<Order> find(OrderId id) {
    return db.query(dsl -> dsl.selectFrom(ORDERS).where(ORDERS.ID.eq(id.value())).fetchOptional()
        .map(PostgresOrderStore::toOrder));
  }

  @Override
  public Optional<Order> findByKey(IdempotencyKey key) {
    return db.query(dsl -> dsl.selectFrom(ORDERS).where(ORDERS.IDEMPOTENCY_KEY.eq(key.value())).fetchOptional()
        .map(PostgresOrderStore::toOrder));
  }

  @Override
  public void insert(Order order) {
    db.query(dsl -> dsl.insertInto(ORDERS)
        .set(ORDERS.ID, order.id().value())
        .set(ORDERS.USER_ID, order.userId().value())
        .set(ORDERS.IDEMPOTENCY_KEY, order.key().value())
        .set(ORDERS.KIND, order.kind().name())
        .set(ORDERS.UNIT_PRICE, order.unitPrice().value())
        .set(ORDERS.JOB_IDS, order.jobIds().stream().map(JobId::value).toArray(UUID[]::new))
        .set(ORDERS.PLACED_AT, Times.toDb(order.placedAt()))
        .execute());
  }

  private static Order toOrder(OrdersRecord row) {
    return new Order(OrderId.of(row.getId()), UserId.of(row.getUserId()), IdempotencyKey.of(row.getIdempotencyKey()),
        JobKind.valueOf(row.getKind()), Credits.of(row.getUnitPrice()),
        Arrays.stream(row.getJobIds()).map(JobId::of).toList(), Times.fromDb(row.getPlacedAt()));
  }
}
