package dev.rei.adapters.telegram.state;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.domain.user.UserId;
import java.time.Duration;

/** Each user's {@link Conversation}, kept in the ChatStateStore so a restart mid-flow loses nothing. */
public final class Conversations {

  static final String NAMESPACE = "conv";
  /** A flow left alone for a week starts over. */
  static final Duration TTL = Duration.ofDays(7);

  private final ChatStateStore store;
  private final Clock clock;

  public Conversations(ChatStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Conversation of(UserId user) {
    return store.get(NAMESPACE, key(user), clock.now())
        .flatMap(json -> StateJson.read(json, Conversation.class))
        .orElse(Conversation.IDLE);
  }

  public void save(UserId user, Conversation conversation) {
    if (conversation.equals(Conversation.IDLE)) {
      reset(user);
      return;
    }
    store.put(NAMESPACE, key(user), StateJson.write(conversation), clock.now().plus(TTL));
  }

  public void reset(UserId user) {
    store.remove(NAMESPACE, key(user));
  }

  private static String key(UserId user) {
    return Long.toString(user.value());
  }
}
