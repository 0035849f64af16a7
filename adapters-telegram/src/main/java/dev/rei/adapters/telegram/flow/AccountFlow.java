package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.AccountStep;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.adapters.telegram.payment.StarsPaid;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.Language;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

/**
 * 👤 Account and what opens from it: the balance (available and held) with 💳 Top up and
 * 📜 History, the top-up and history screens themselves, and /paysupport, which Telegram requires
 * of bots that take Stars.
 */
public final class AccountFlow {

  private final FlowKit kit;
  private final GetBalanceUseCase balances;
  private final TopUpFlow topUps;
  private final HistoryFlow history;
  private final String supportContact;

  public AccountFlow(FlowKit kit, GetBalanceUseCase balances, TopUpFlow topUps, HistoryFlow history,
      String supportContact) {
    this.kit = kit;
    this.balances = balances;
    this.topUps = topUps;
    this.history = history;
    this.supportContact = supportContact == null ? "" : supportContact;
  }

  public void show(ChatUser user) {
    UserBalance balance = balances.balance(user.id());
    Language language = user.language();
    kit.replies().send(user.chatId(), kit.text(user, "account.text", "available", balance.available(),
        "held", balance.held()), Keyboards.rows(List.of(
            List.of(kit.keyboards().nav(language, "button.topup", Navigation.TOPUP),
                kit.keyboards().nav(language, "button.history", Navigation.HISTORY)),
            List.of(kit.keyboards().menuButton(language)))));
  }

  public void topUp(ChatUser user) {
    topUps.show(user, null);
  }

  public void history(ChatUser user) {
    history.show(user, null, null, 0);
  }

  /** Whether {@code target} is one of this flow's screens; if so it was shown. */
  public boolean navigate(ChatUser user, Navigation target) {
    switch (target) {
      case ACCOUNT -> show(user);
      case TOPUP -> topUp(user);
      case HISTORY -> history(user);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** A press on a stored account, top-up or history button by its owner. */
  public void press(ChatUser user, CallbackQuery query, AccountStep step) {
    if (step instanceof AccountStep.HistoryPage || step instanceof AccountStep.HistoryEntry) {
      history.press(user, query, step);
    } else {
      topUps.press(user, query, step);
    }
  }

  /** /paysupport: who to ask about a payment, and how refunds work. */
  public void paySupport(ChatUser user) {
    String contact = supportContact.isBlank()
        ? kit.text(user, "paysupport.noContact")
        : kit.text(user, "paysupport.contact", "contact", supportContact);
    kit.replies().send(user.chatId(), kit.text(user, "paysupport.text", "contact", contact),
        kit.keyboards().menuOnly(user.language()));
  }

  public boolean awaitsAmount(ChatUser user) {
    return topUps.awaitsAmount(user);
  }

  public void onAmount(ChatUser user, String text) {
    topUps.onAmount(user, text);
  }

  /** Anything but the amount ends the question for one. */
  public void forgetAmount(ChatUser user) {
    topUps.forgetAmount(user);
  }

  public void paid(long chatId, Language language, StarsPaid paid) {
    topUps.paid(chatId, language, paid);
  }
}
