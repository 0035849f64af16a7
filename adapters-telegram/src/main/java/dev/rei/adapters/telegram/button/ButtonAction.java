package dev.rei.adapters.telegram.button;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.rei.adapters.telegram.state.ItemState;
import dev.rei.adapters.telegram.state.QuoteState;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What pressing a button means, kept on our side under the short key its callback data carries;
 * {@code owner} is the only user whose press counts. Prices, amounts and ids come from here,
 * never from callback data.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "a")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ButtonAction.Confirm.class, name = "confirm"),
    @JsonSubTypes.Type(value = ButtonAction.DropQuote.class, name = "drop"),
    @JsonSubTypes.Type(value = ButtonAction.CancelOrder.class, name = "cancel"),
    @JsonSubTypes.Type(value = ButtonAction.Requote.class, name = "requote"),
    @JsonSubTypes.Type(value = ButtonAction.VideoChoice.class, name = "video"),
    @JsonSubTypes.Type(value = ButtonAction.ReelsChoice.class, name = "reels"),
    @JsonSubTypes.Type(value = ButtonAction.Account.class, name = "account"),
    @JsonSubTypes.Type(value = ButtonAction.Images.class, name = "images"),
    @JsonSubTypes.Type(value = ButtonAction.Admin.class, name = "admin")
})
public sealed interface ButtonAction {

  long owner();

  /** Place the quoted order; the press's key names the order, so pressing again places nothing new. */
  record Confirm(long owner, QuoteState quote, Map<String, String> parameters) implements ButtonAction {
    public Confirm {
      Objects.requireNonNull(quote, "quote");
      parameters = Map.copyOf(parameters);
    }
  }

  /** Drop the quote shown with it; its confirm button ({@code confirmKey}) stops working. */
  record DropQuote(long owner, String confirmKey) implements ButtonAction {
    public DropQuote {
      Objects.requireNonNull(confirmKey, "confirmKey");
    }
  }

  /** Cancel an order's jobs while they can still be cancelled. */
  record CancelOrder(long owner, String orderId, List<String> jobIds) implements ButtonAction {
    public CancelOrder {
      Objects.requireNonNull(orderId, "orderId");
      jobIds = List.copyOf(jobIds);
    }
  }

  /** A video flow step: {@code model} chosen (no {@code seconds} yet), or the model and the duration. */
  record VideoChoice(long owner, String model, Integer seconds) implements ButtonAction {
    public VideoChoice {
      Objects.requireNonNull(model, "model");
    }
  }

  /** A Reels flow step of draft {@code draftId}: a {@code template} chosen, or how many videos ({@code count}). */
  record ReelsChoice(long owner, String draftId, String template, Integer count) implements ButtonAction {
    public ReelsChoice {
      Objects.requireNonNull(draftId, "draftId");
    }
  }

  /** A step on the account, top-up or history screens; {@link AccountStep} says which. */
  record Account(long owner, AccountStep step) implements ButtonAction {
    public Account {
      Objects.requireNonNull(step, "step");
    }
  }

  /** Quote the same item with the same parameters again ("🔁 Again", "🔁 New price"). */
  record Requote(long owner, ItemState item, Map<String, String> parameters) implements ButtonAction {
    public Requote {
      Objects.requireNonNull(item, "item");
      parameters = Map.copyOf(parameters);
    }
  }

  /** A step on the image screens (/prompt, /refs, /settings, /history); {@link ImageStep} says which. */
  record Images(long owner, ImageStep step) implements ButtonAction {
    public Images {
      Objects.requireNonNull(step, "step");
    }
  }

  /** A step of the admin console; {@link AdminStep} says which. */
  record Admin(long owner, AdminStep step) implements ButtonAction {
    public Admin {
      Objects.requireNonNull(step, "step");
    }
  }
}
