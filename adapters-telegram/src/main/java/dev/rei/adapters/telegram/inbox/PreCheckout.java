package dev.rei.adapters.telegram.inbox;

import java.util.Objects;

/**
 * A Telegram pre-checkout query, mapped at the edge: Telegram asks whether the payment with
 * {@code payload} may go ahead and wants the answer within 10 seconds.
 */
public record PreCheckout(String queryId, long userId, String currency, long totalAmount, String payload,
    String languageCode) {

  public PreCheckout {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(payload, "payload");
  }

  /** Go ahead, or refuse with a message Telegram shows the user. */
  public record Answer(boolean ok, String errorMessage) {
    public Answer {
      if (!ok && (errorMessage == null || errorMessage.isBlank())) {
        throw new IllegalArgumentException("a refusal needs a message for the user");
      }
    }

    public static Answer accept() {
      return new Answer(true, null);
    }

    public static Answer refuse(String errorMessage) {
      return new Answer(false, errorMessage);
    }
  }
}
