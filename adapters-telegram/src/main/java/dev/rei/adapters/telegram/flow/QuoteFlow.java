package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TextLimits;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Buttons;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.state.QuoteState;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.order.QuoteOffer;
import dev.rei.application.port.in.order.QuoteUseCase;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.pricing.QuoteResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Shows the price of what the user asked for next to their balance, with ✅ Confirm / ❌ Cancel.
 * The quote and the parameters stay on our side under the buttons' keys; the buttons carry
 * nothing else. Without enough credits there is no confirm button, only the shortfall.
 */
public final class QuoteFlow {

  /** The confirm button outlives the quote's validity, so a late press hears "expired", not "out of date". */
  static final Duration QUOTE_BUTTON_TTL = Duration.ofDays(1);
  /** How much of the prompt the quote repeats back. */
  static final int PROMPT_ECHO = 600;

  private final FlowKit kit;
  private final QuoteUseCase quotes;

  public QuoteFlow(FlowKit kit, QuoteUseCase quotes) {
    this.kit = kit;
    this.quotes = quotes;
  }

  public void offer(ChatUser user, PricedItem item, Map<String, String> parameters) {
    QuoteOffer offer = quotes.quote(new QuoteCommand(user.id(), item, 1));
    if (offer.result() instanceof QuoteResult.Refused) {
      kit.replies().send(user.chatId(), kit.text(user, "quote.refused"), kit.keyboards().menuOnly(user.language()));
      return;
    }
    Quote quote = ((QuoteResult.Quoted) offer.result()).quote();
    if (!offer.balance().available().isAtLeast(quote.total())) {
      kit.replies().send(user.chatId(), kit.text(user, "quote.insufficient", "price", quote.total(),
          "available", offer.balance().available()), kit.keyboards().menuOnly(user.language()));
      return;
    }
    String prompt = TextLimits.cut(parameters.getOrDefault("prompt", ""), PROMPT_ECHO) + imageOptions(user, item,
        parameters);
    String text = kit.text(user, "quote." + item.jobKind().name(), "prompt", prompt, "price", quote.total(),
        "available", offer.balance().available());
    String confirmKey = kit.buttons().register(
        new ButtonAction.Confirm(user.id().value(), QuoteState.of(quote), parameters), QUOTE_BUTTON_TTL);
    String dropKey = kit.buttons().register(new ButtonAction.DropQuote(user.id().value(), confirmKey), QUOTE_BUTTON_TTL);
    kit.replies().send(user.chatId(), text, Keyboards.of(List.of(
        Buttons.keyed(kit.text(user, "button.confirm"), confirmKey),
        Buttons.keyed(kit.text(user, "button.cancel"), dropKey))));
  }

  /** "⚙️ 2K · 16:9 · 📎 2 references" under an image prompt, so the user sees what the price is for. */
  private String imageOptions(ChatUser user, PricedItem item, Map<String, String> parameters) {
    if (!parameters.containsKey(ImageFlow.IMAGE_SIZE)) {
      return "";
    }
    // An edit's input is the photo being changed, not a reference.
    String inputs = parameters.getOrDefault(ImageFlow.INPUT_MEDIA, "");
    int references = item instanceof PricedItem.ImageGeneration && !inputs.isBlank() ? inputs.split(",").length : 0;
    return "\n" + kit.text(user, "quote.imageOptions", "size", parameters.get(ImageFlow.IMAGE_SIZE),
        "ratio", parameters.getOrDefault(ImageFlow.ASPECT_RATIO, "1:1"), "references", references);
  }
}
