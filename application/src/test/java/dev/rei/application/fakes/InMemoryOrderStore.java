package dev.rei.application.fakes;

import dev.rei.application.port.out.OrderStore;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.IdempotencyKey;
import java.util.Optional;

/** {@link OrderStore} over an {@link InMemoryDatabase}. */
public final class InMemoryOrderStore implements OrderStore {

  private final InMemoryDatabase db;

  public InMemoryOrderStore(InMemoryDatabase db) {
    this.db = db;
  }

  @Override
  public Optional<Order> find(OrderId id) {
    return db.access(s -> Optional.ofNullable(s.orders.get(id)));
  }

  @Override
  public Optional<Order> findByKey(IdempotencyKey key) {
    return db.access(s -> Optional.ofNullable(s.ordersByKey.get(key)));
  }

  @Override
  public void insert(Order order) {
    db.change(s -> {
      if (s.ordersByKey.containsKey(order.key()) || s.orders.containsKey(order.id())) {
        throw new IllegalStateException("order key or id already used: " + order.key());
      }
      s.orders.put(order.id(), order);
      s.ordersByKey.put(order.key(), order);
    });
  }
}
