package dev.rei.application.port.out;

import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.IdempotencyKey;
import java.util.Optional;

/** Placed orders, unique by idempotency key. */
public interface OrderStore {

  Optional<Order> find(OrderId id);

  Optional<Order> findByKey(IdempotencyKey key);

  /** Stores a new order; its key must be new (the caller looked it up under the user's lock). */
  void insert(Order order);
}
