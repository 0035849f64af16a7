package dev.rei.application.port.out;

import java.time.Duration;
import java.util.Objects;

/** Delivers an outbox message to its chat (Telegram, in the bot). */
public interface MessageSender {

  SendOutcome send(OutboxMessage message);

  /** What became of one attempt. */
  sealed interface SendOutcome {
    record Sent() implements SendOutcome {}

    /** Not now (rate limit, network); try again after {@code after}. */
    record RetryLater(Duration after, String reason) implements SendOutcome {
      public RetryLater {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(reason, "reason");
      }
    }

    /** Never deliverable (the user blocked the bot, the chat is gone): stop trying. */
    record Undeliverable(String reason) implements SendOutcome {
      public Undeliverable {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
