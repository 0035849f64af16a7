package dev.rei.adapters.telegram.state;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.domain.job.OrderId;
import java.time.Duration;
import java.util.Optional;

/** {@link RememberedOrder}s by order id, for the buttons of an order's messages. */
public final class OrderMemory {

  static final String NAMESPACE = "order";
  /** Past this, "Again" and "Cancel" on an order's messages say the button is out of date. */
  static final Duration TTL = Duration.ofDays(14);

  private final ChatStateStore store;
  private final Clock clock;

  public OrderMemory(ChatStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void remember(OrderId order, RememberedOrder remembered) {
    store.put(NAMESPACE, order.toString(), StateJson.write(remembered), clock.now().plus(TTL));
  }

  public Optional<RememberedOrder> recall(OrderId order) {
    return store.get(NAMESPACE, order.toString(), clock.now())
        .flatMap(json -> StateJson.read(json, RememberedOrder.class));
  }
}
