package dev.rei.adapters.telegram.payment;

import dev.rei.adapters.telegram.inbox.PreCheckout;
import dev.rei.adapters.telegram.inbox.PreCheckoutHandler;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether Telegram may charge the stars of an invoice, within its 10 seconds: only if the
 * payload names our pending Stars payment, of this very payer, in XTR, for exactly its amount, and
 * the payer is not banned. Two reads by primary key; any refusal, and any fault of ours, is told to
 * the payer in their language, and nothing is thrown.
 */
public final class StarsPreCheckout implements PreCheckoutHandler {

  private static final Logger log = LoggerFactory.getLogger(StarsPreCheckout.class);

  private final UnitOfWork unitOfWork;
  private final PaymentStore payments;
  private final UserStore users;
  private final Texts texts;

  public StarsPreCheckout(UnitOfWork unitOfWork, PaymentStore payments, UserStore users, Texts texts) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.payments = Objects.requireNonNull(payments, "payments");
    this.users = Objects.requireNonNull(users, "users");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  public StarsPreCheckout(UnitOfWork unitOfWork, PaymentStore payments, UserStore users) {
    this(unitOfWork, payments, users, Texts.load());
  }

  @Override
  public PreCheckout.Answer answer(PreCheckout query) {
    Language language = Language.fromTelegramCode(query.languageCode());
    try {
      Optional<PaymentId> paymentId = parse(query.payload());
      if (paymentId.isEmpty() || query.userId() <= 0) {
        return refuse(query, language, "UNKNOWN", "payload is not a payment id");
      }
      Found found = unitOfWork.inTransaction(() -> new Found(payments.find(paymentId.get()),
          users.find(UserId.of(query.userId()))));
      if (found.user().isPresent()) {
        language = found.user().get().language();
      }
      return decide(query, language, found);
    } catch (RuntimeException e) {
      log.error("pre-checkout {} could not be checked; refused: {}", query.queryId(), e.toString());
      return PreCheckout.Answer.refuse(texts.text(language, "precheckout.refused.ERROR"));
    }
  }

  private PreCheckout.Answer decide(PreCheckout query, Language language, Found found) {
    Optional<Payment> payment = found.payment().filter(p -> p.rail() == Rail.TELEGRAM_STARS);
    if (payment.isEmpty()) {
      return refuse(query, language, "UNKNOWN", "no Stars payment " + query.payload());
    }
    Payment pending = payment.get();
    if (pending.userId().value() != query.userId()) {
      return refuse(query, language, "NOT_YOURS", "payment " + pending.id() + " belongs to another user");
    }
    if (pending.status() != PaymentStatus.PENDING) {
      return refuse(query, language, pending.status() == PaymentStatus.CANCELED ? "EXPIRED" : "ALREADY_PAID",
          "payment " + pending.id() + " is " + pending.status());
    }
    if (!Currency.XTR.code().equals(query.currency()) || query.totalAmount() != pending.amount().minorUnits()) {
      return refuse(query, language, "AMOUNT", "payment " + pending.id() + " is for " + pending.amount()
          + ", checkout asks " + query.totalAmount() + " " + query.currency());
    }
    if (found.user().isEmpty() || found.user().get().isBanned()) {
      return refuse(query, language, "BANNED", "payer " + query.userId() + " is banned or unknown");
    }
    return PreCheckout.Answer.accept();
  }

  private PreCheckout.Answer refuse(PreCheckout query, Language language, String reason, String logged) {
    log.info("pre-checkout {} of user {} refused ({}): {}", query.queryId(), query.userId(), reason, logged);
    return PreCheckout.Answer.refuse(texts.text(language, "precheckout.refused." + reason));
  }

  private static Optional<PaymentId> parse(String payload) {
    try {
      return Optional.of(PaymentId.parse(payload));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private record Found(Optional<Payment> payment, Optional<User> user) {}
}
