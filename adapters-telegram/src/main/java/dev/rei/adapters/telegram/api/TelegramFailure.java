package dev.rei.adapters.telegram.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * What a failed Bot API call means for the caller, read from Telegram's error code and
 * description. {@code description} never contains the bot token.
 */
public record TelegramFailure(Kind kind, int errorCode, String description, Duration retryAfter) {

  /** When Telegram asks to slow down without saying how long. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  /** A server error or a network fault: try again soon. */
  static final Duration TRANSIENT_RETRY = Duration.ofSeconds(5);
  /** The bot itself is misconfigured (bad token, wrong URL): nothing works until an operator acts. */
  static final Duration MISCONFIGURED_RETRY = Duration.ofMinutes(1);

  public TelegramFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** The classes of failure a caller treats differently. */
  public enum Kind {
    /** 429: wait {@code retryAfter}, then send again. */
    RATE_LIMITED,
    /** The chat is gone for the bot: blocked, deactivated, kicked, not found. Never deliverable. */
    CHAT_GONE,
    /** An edit that changes nothing: the message already shows what we wanted. */
    NOT_MODIFIED,
    /** The message to edit is gone or too old to edit. */
    MESSAGE_GONE,
    /** Another 4xx: this request is wrong and will stay wrong. */
    REJECTED,
    /** 401 or 404: the token or the API URL is wrong; every call fails alike until an operator fixes it. */
    MISCONFIGURED,
    /** A 5xx, a timeout, a network fault, an unreadable answer: likely to pass. */
    TRANSIENT
  }

  public boolean is(Kind candidate) {
    return kind == candidate;
  }

  /** Classifies {@code failure}; {@code redact} strips secrets from any text taken from it. */
  public static TelegramFailure of(TelegramApiException failure, java.util.function.UnaryOperator<String> redact) {
    if (failure instanceof TelegramApiValidationException validation) {
      return new TelegramFailure(Kind.REJECTED, 0, redact.apply("invalid request: " + validation.getMessage()),
          Duration.ZERO);
    }
    if (failure instanceof TelegramApiRequestException request && request.getErrorCode() != null
        && request.getErrorCode() > 0) {
      int code = request.getErrorCode();
      String description = redact.apply(String.valueOf(request.getApiResponse()));
      Integer retryAfterSeconds = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
      return fromResponse(code, description, retryAfterSeconds);
    }
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return new TelegramFailure(Kind.TRANSIENT, 0,
        redact.apply(cause.getClass().getSimpleName() + ": " + cause.getMessage()), TRANSIENT_RETRY);
  }

  static TelegramFailure fromResponse(int code, String description, Integer retryAfterSeconds) {
    String lower = description.toLowerCase(Locale.ROOT);
    if (code == 429) {
      Duration after = retryAfterSeconds != null && retryAfterSeconds > 0
          ? Duration.ofSeconds(retryAfterSeconds) : DEFAULT_RETRY_AFTER;
      return new TelegramFailure(Kind.RATE_LIMITED, code, description, after);
    }
    if (code >= 500) {
      Duration after = retryAfterSeconds != null && retryAfterSeconds > 0
          ? Duration.ofSeconds(retryAfterSeconds) : TRANSIENT_RETRY;
      return new TelegramFailure(Kind.TRANSIENT, code, description, after);
    }
    if (code == 401 || code == 404) {
      return new TelegramFailure(Kind.MISCONFIGURED, code, description, MISCONFIGURED_RETRY);
    }
    if (code == 403 || lower.contains("chat not found") || lower.contains("user is deactivated")
        || lower.contains("bot was blocked") || lower.contains("bot was kicked")) {
      return new TelegramFailure(Kind.CHAT_GONE, code, description, Duration.ZERO);
    }
    if (lower.contains("message is not modified")) {
      return new TelegramFailure(Kind.NOT_MODIFIED, code, description, Duration.ZERO);
    }
    if (lower.contains("message to edit not found") || lower.contains("message can't be edited")
        || lower.contains("message_id_invalid") || lower.contains("message to be replied not found")) {
      return new TelegramFailure(Kind.MESSAGE_GONE, code, description, Duration.ZERO);
    }
    return new TelegramFailure(Kind.REJECTED, code, description, Duration.ZERO);
  }

  /** A one-line account for logs and the outbox's last error. */
  public String summary() {
    return errorCode > 0 ? errorCode + " " + description : description;
  }
}
