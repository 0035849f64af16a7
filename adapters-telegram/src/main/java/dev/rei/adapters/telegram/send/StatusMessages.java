package dev.rei.adapters.telegram.send;

import dev.rei.adapters.telegram.state.StateJson;
import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import java.time.Duration;
import java.util.Optional;

/** Which message shows which order's status ({@link StatusState}), by order id. */
final class StatusMessages {

  static final String NAMESPACE = "status";
  static final Duration TTL = Duration.ofDays(2);

  private final ChatStateStore store;
  private final Clock clock;

  StatusMessages(ChatStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  Optional<StatusState> of(String orderId) {
    return store.get(NAMESPACE, orderId, clock.now()).flatMap(json -> StateJson.read(json, StatusState.class));
  }

  void save(String orderId, StatusState state) {
    store.put(NAMESPACE, orderId, StateJson.write(state), clock.now().plus(TTL));
  }
}
