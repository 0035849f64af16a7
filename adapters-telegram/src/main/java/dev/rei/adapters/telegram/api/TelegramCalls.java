package dev.rei.adapters.telegram.api;

import java.time.Duration;
import java.util.Objects;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Bot API calls through the shared {@link ChatPacer}. The outbox takes a slot or hears how long
 * to wait ({@link #tryCall}); a direct reply to a user's action waits for its chat's slot, at most
 * {@link Pacing#maxReplyWait()}, then goes anyway ({@link #callWaiting}). Calls that are no chat
 * message (answering a button press, getFile) are not paced.
 */
public final class TelegramCalls {

  private final TelegramConnection connection;

  public TelegramCalls(TelegramConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  public TelegramConnection connection() {
    return connection;
  }

  /** One Bot API request. */
  @FunctionalInterface
  public interface ApiCall<T> {
    T call(TelegramClient client) throws TelegramApiException;
  }

  /** What became of a call. */
  public sealed interface Result<T> {
    record Done<T>(T value) implements Result<T> {}

    /** Not sent: the chat's or the bot's rate says wait this long first. */
    record Paced<T>(Duration delay) implements Result<T> {
      public Paced {
        Objects.requireNonNull(delay, "delay");
      }
    }

    record Failed<T>(TelegramFailure failure) implements Result<T> {
      public Failed {
        Objects.requireNonNull(failure, "failure");
      }
    }
  }

  /** Calls now if the pacer has a slot for {@code chatId}; never sleeps. */
  public <T> Result<T> tryCall(long chatId, ApiCall<T> call) {
    Duration wait = connection.pacer().tryTake(chatId);
    if (!wait.isZero()) {
      return new Result.Paced<>(wait);
    }
    return invoke(chatId, call);
  }

  /** Waits for {@code chatId}'s slot (bounded), then calls; a short 429 is waited out once. */
  public <T> Result<T> callWaiting(long chatId, ApiCall<T> call) {
    awaitSlot(chatId);
    Result<T> result = invoke(chatId, call);
    if (result instanceof Result.Failed<T> failed && failed.failure().is(TelegramFailure.Kind.RATE_LIMITED)
        && failed.failure().retryAfter().compareTo(connection.pacer().pacing().maxReplyWait()) <= 0) {
      awaitSlot(chatId);
      return invoke(chatId, call);
    }
    return result;
  }

  /**
   * Calls at once, taking a slot if there is one: for a second request that completes the
   * first (a photo Telegram refused, sent again as a file), which must not wait behind itself.
   */
  public <T> Result<T> callRegardless(long chatId, ApiCall<T> call) {
    connection.pacer().tryTake(chatId);
    return invoke(chatId, call);
  }

  /** A call that is not a chat message, so not paced. */
  public <T> Result<T> callUnpaced(ApiCall<T> call) {
    try {
      return new Result.Done<>(call.call(connection.client()));
    } catch (TelegramApiException e) {
      return new Result.Failed<>(connection.failure(e));
    }
  }

  private <T> Result<T> invoke(long chatId, ApiCall<T> call) {
    try {
      return new Result.Done<>(call.call(connection.client()));
    } catch (TelegramApiException e) {
      TelegramFailure failure = connection.failure(e);
      if (failure.is(TelegramFailure.Kind.RATE_LIMITED)) {
        connection.pacer().pauseChat(chatId, failure.retryAfter());
      }
      return new Result.Failed<>(failure);
    }
  }

  private void awaitSlot(long chatId) {
    long deadline = System.nanoTime() + connection.pacer().pacing().maxReplyWait().toNanos();
    while (true) {
      Duration wait = connection.pacer().tryTake(chatId);
      if (wait.isZero()) {
        return;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(wait.toMillis(), left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
