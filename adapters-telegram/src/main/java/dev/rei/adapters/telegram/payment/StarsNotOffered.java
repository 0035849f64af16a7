package dev.rei.adapters.telegram.payment;

import dev.rei.adapters.telegram.inbox.PreCheckout;
import dev.rei.adapters.telegram.inbox.PreCheckoutHandler;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.domain.user.Language;

/**
 * The pre-checkout answer of a bot without the Stars rail: it sends no invoices, so a checkout can
 * only come from an old or foreign invoice, and is refused in the payer's language.
 */
public final class StarsNotOffered implements PreCheckoutHandler {

  private final Texts texts;

  public StarsNotOffered(Texts texts) {
    this.texts = texts;
  }

  @Override
  public PreCheckout.Answer answer(PreCheckout query) {
    Language language = Language.fromTelegramCode(query.languageCode());
    return PreCheckout.Answer.refuse(texts.text(language, "precheckout.notOffered"));
  }
}
