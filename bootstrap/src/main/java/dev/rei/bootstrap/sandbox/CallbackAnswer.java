package dev.rei.bootstrap.sandbox;

import java.util.Objects;

/**
 * How the bot answered a button press with answerCallbackQuery.
 *
 * @param queryId the callback_query id
 * @param userId who pressed
 * @param text the notification shown to the user, or null
 * @param showAlert whether it is shown as an alert rather than a toast
 */
public record CallbackAnswer(String queryId, long userId, String text, boolean showAlert) {

  public CallbackAnswer {
    Objects.requireNonNull(queryId, "queryId");
  }
}
