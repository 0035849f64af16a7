package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Buttons;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.adapters.telegram.state.QuoteState;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.order.QuoteOffer;
import dev.rei.application.port.in.order.QuoteUseCase;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.pricing.QuoteResult;
import dev.rei.domain.user.Language;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The confirmation of a video or Reels order: the quoted price for {@code count} items next to the
 * balance, with ✅ / ❌ buttons whose meaning (quote and parameters) stays on our side, as for
 * images; the confirming press's key names the order, so any number of presses place one. Without
 * enough credits: the shortfall and a top-up button instead.
 */
public final class VideoQuotes {

  /** The confirm button outlives the quote's validity, so a late press hears "expired", not "out of date". */
  static final Duration QUOTE_BUTTON_TTL = Duration.ofDays(1);

  private final FlowKit kit;
  private final QuoteUseCase quotes;

  public VideoQuotes(FlowKit kit, QuoteUseCase quotes) {
    this.kit = kit;
    this.quotes = quotes;
  }

  /**
   * Quotes {@code count} of {@code item} and shows text {@code textKey} with {@code arguments} plus
   * {@code price}, {@code available} and {@code count}.
   */
  public void offer(ChatUser user, PricedItem item, int count, Map<String, String> parameters, String textKey,
      String confirmLabelKey, Object... arguments) {
    QuoteOffer offer = quotes.quote(new QuoteCommand(user.id(), item, count));
    if (offer.result() instanceof QuoteResult.Refused) {
      kit.replies().send(user.chatId(), kit.text(user, "quote.refused"), kit.keyboards().menuOnly(user.language()));
      return;
    }
    Quote quote = ((QuoteResult.Quoted) offer.result()).quote();
    if (!offer.balance().available().isAtLeast(quote.total())) {
      kit.replies().send(user.chatId(), kit.text(user, "video.insufficient", "count", count, "price", quote.total(),
          "available", offer.balance().available()), topUpKeyboard(kit, user.language()));
      return;
    }
    Object[] all = Arrays.copyOf(arguments, arguments.length + 6);
    all[arguments.length] = "price";
    all[arguments.length + 1] = quote.total();
    all[arguments.length + 2] = "available";
    all[arguments.length + 3] = offer.balance().available();
    all[arguments.length + 4] = "count";
    all[arguments.length + 5] = count;
    String confirmKey = kit.buttons().register(
        new ButtonAction.Confirm(user.id().value(), QuoteState.of(quote), parameters), QUOTE_BUTTON_TTL);
    String dropKey = kit.buttons().register(new ButtonAction.DropQuote(user.id().value(), confirmKey), QUOTE_BUTTON_TTL);
    kit.replies().send(user.chatId(), kit.text(user, textKey, all), Keyboards.of(List.of(
        Buttons.keyed(kit.text(user, confirmLabelKey), confirmKey),
        Buttons.keyed(kit.text(user, "button.cancel"), dropKey))));
  }

  /** 💳 Top up (the payments menu) and 🏠 Menu. */
  static InlineKeyboardMarkup topUpKeyboard(FlowKit kit, Language language) {
    InlineKeyboardButton topUp = kit.keyboards().nav(language, "video.button.topUp", Navigation.TOPUP);
    return Keyboards.rows(List.of(List.of(topUp), List.of(kit.keyboards().menuButton(language))));
  }
}
