package dev.rei.adapters.telegram.payment;

import dev.rei.adapters.telegram.inbox.PreCheckout;
import dev.rei.adapters.telegram.inbox.PreCheckoutHandler;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.domain.user.Language;

/**
 * The pre-checkout answer until payments exist: the bot sells nothing yet, so any payment is
 * refused, in the payer's language, with a message saying so.
 */
public final class PaymentsNotYetAvailable implements PreCheckoutHandler {

  private final Texts texts;

  public PaymentsNotYetAvailable(Texts texts) {
    this.texts = texts;
  }

  @Override
  public PreCheckout.Answer answer(PreCheckout query) {
    Language language = Language.fromTelegramCode(query.languageCode());
    return PreCheckout.Answer.refuse(texts.text(language, "payments.unavailable"));
  }
}
