package dev.rei.application.port.out;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to tell someone, as a type and named values; the Telegram adapter turns it into text in
 * the reader's language. Values are plain text (ids, amounts, failure classes), never markup.
 */
public record Notice(Type type, Map<String, String> values) {

  public Notice {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(values, "values");
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public static Notice of(Type type) {
    return new Notice(type, Map.of());
  }

  public static Notice of(Type type, Map<String, String> values) {
    return new Notice(type, values);
  }

  public String value(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("notice " + type + " has no value " + name);
    }
    return value;
  }

  /** The kinds of message the core sends. */
  public enum Type {
    WELCOME,
    ORDER_PLACED,
    /** A job's provider reported more progress; the chat shows it by editing the order's status message. */
    JOB_PROGRESS,
    JOB_RETRYING,
    JOB_RESULT,
    JOB_FAILED,
    JOB_CANCELLED,
    JOB_EXPIRED,
    PAYMENT_SUCCEEDED,
    PAYMENT_CANCELED,
    PAYMENT_REFUNDED,
    BALANCE_ADJUSTED,
    BANNED,
    UNBANNED,
    ADMIN_ALERT,
    /** A user's message to support, shown in the support chat or to each admin; replies to it are relayed back. */
    SUPPORT_MESSAGE,
    /** Support's answer to a user's message. */
    SUPPORT_ANSWER
  }
}
