package dev.rei.adapters.telegram.state;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;

/**
 * Which users were asked to type a number of credits to buy, and on which rail. The question
 * stands only until the user does anything else (a command, a button, a photo), so a text meant
 * for another flow is never read as an amount; it also lapses after a while.
 */
public final class TopUpPrompts {

  static final String NAMESPACE = "topup-amount";
  static final Duration TTL = Duration.ofMinutes(30);

  private final ChatStateStore store;
  private final Clock clock;

  public TopUpPrompts(ChatStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void ask(UserId user, Rail rail) {
    store.put(NAMESPACE, key(user), rail.name(), clock.now().plus(TTL));
  }

  /** The rail the user was asked a custom amount for, if the question still stands. */
  public Optional<Rail> pending(UserId user) {
    return store.get(NAMESPACE, key(user), clock.now()).flatMap(TopUpPrompts::rail);
  }

  public void forget(UserId user) {
    store.remove(NAMESPACE, key(user));
  }

  private static Optional<Rail> rail(String name) {
    try {
      return Optional.of(Rail.valueOf(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String key(UserId user) {
    return Long.toString(user.value());
  }
}
