package dev.rei.bootstrap.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * How the bot answered a pre-checkout query with answerPreCheckoutQuery.
 *
 * @param queryId the pre_checkout_query id
 * @param userId who is paying
 * @param ok whether the bot accepted the checkout
 * @param errorMessage the reason shown to the user when it did not, else null
 * @param at when the answer arrived, by the emulator's clock
 */
public record PreCheckoutAnswer(String queryId, long userId, boolean ok, String errorMessage, Instant at) {

  public PreCheckoutAnswer {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(at, "at");
  }
}
