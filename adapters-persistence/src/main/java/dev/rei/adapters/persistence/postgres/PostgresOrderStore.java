package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.ORDERS;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.OrdersRecord;
import dev.rei.application.port.out.OrderStore;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.IdempotencyKey;
import java.util.Optional;

/** Orders on PostgreSQL, unique by idempotency key. */
public final class PostgresOrderStore implements OrderStore {

  private final JooqUnitOfWork db;

  public PostgresOrderStore(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public Optional<Order> find(OrderId id) {
    return db.query(dsl -> dsl.selectFrom(ORDERS).where(ORDERS.ID.eq(id.value())).fetchOptional()
        .map(OrderMapper::toOrder));
  }

  @Override
  public Optional<Order> findByKey(IdempotencyKey key) {
    return db.query(dsl -> dsl.selectFrom(ORDERS).where(ORDERS.IDEMPOTENCY_KEY.eq(key.value())).fetchOptional()
        .map(OrderMapper::toOrder));
  }

  @Override
  public void insert(Order order) {
    OrdersRecord row = new OrdersRecord();
    OrderMapper.fill(row, order);
    db.query(dsl -> dsl.insertInto(ORDERS).set(row).execute());
  }
}
