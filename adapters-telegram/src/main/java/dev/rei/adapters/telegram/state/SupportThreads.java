package dev.rei.adapters.telegram.state;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;

/**
 * Which user wrote each support message the bot showed support: the chat and Telegram message id
 * it got when the outbox sent it, to the user's id. An admin's reply names the message it replies
 * to, so the answer finds its user here, whatever the message's text says; a user cannot forge
 * an entry, as only the sender of support messages writes them.
 */
public final class SupportThreads {

  static final String NAMESPACE = "support-thread";
  /** Support answers within days; a month covers a slow answer without keeping ids forever. */
  static final Duration TTL = Duration.ofDays(30);

  private final ChatStateStore store;
  private final Clock clock;

  public SupportThreads(ChatStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Message {@code messageId} in chat {@code chatId} carries {@code user}'s message to support. */
  public void remember(long chatId, int messageId, long user) {
    store.put(NAMESPACE, key(chatId, messageId), Long.toString(user), clock.now().plus(TTL));
  }

  /** Who wrote the support message shown as {@code messageId} in {@code chatId}, if it is one. */
  public Optional<UserId> userOf(long chatId, int messageId) {
    return store.get(NAMESPACE, key(chatId, messageId), clock.now()).flatMap(value -> {
      try {
        long id = Long.parseLong(value);
        return id > 0 ? Optional.of(UserId.of(id)) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static String key(long chatId, int messageId) {
    return chatId + ":" + messageId;
  }
}
