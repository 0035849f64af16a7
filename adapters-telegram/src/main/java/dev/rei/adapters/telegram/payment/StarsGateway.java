package dev.rei.adapters.telegram.payment;

import dev.rei.adapters.telegram.api.TelegramCalls;
import dev.rei.adapters.telegram.api.TelegramCalls.Result;
import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.api.TelegramFailure;
import dev.rei.adapters.telegram.api.TextLimits;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.adapters.telegram.text.UserLanguages;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.Language;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.invoices.SendInvoice;
import org.telegram.telegrambots.meta.api.methods.payments.RefundStarPayment;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.payments.LabeledPrice;

/**
 * The Telegram Stars rail: an invoice in XTR sent straight into the payer's chat, with our payment
 * id as its payload. Telegram asks us before it charges ({@link StarsPreCheckout}) and reports the
 * charge as a {@code successful_payment} message, which settles the payment; there is no API to
 * read a payment back, so {@link #fetch} knows nothing and the reconciler expires a Stars payment
 * left pending (safe: Telegram charges only after our pre-checkout "ok", which needs it pending).
 */
public final class StarsGateway implements PaymentGateway {

  private static final Logger log = LoggerFactory.getLogger(StarsGateway.class);
  /** Bot API limits of sendInvoice. */
  static final int TITLE_LIMIT = 32;
  static final int DESCRIPTION_LIMIT = 255;
  static final int PAYLOAD_LIMIT_BYTES = 128;
  private static final String ALREADY_REFUNDED = "CHARGE_ALREADY_REFUNDED";

  private final TelegramCalls calls;
  private final Texts texts;
  private final UserLanguages languages;

  public StarsGateway(TelegramCalls calls, Texts texts, UserLanguages languages) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.languages = Objects.requireNonNull(languages, "languages");
  }

  /** The gateway over the bot's own connection (the one {@code TelegramBot.connect} opened). */
  public StarsGateway(TelegramConnection connection, UnitOfWork unitOfWork, UserStore users) {
    this(new TelegramCalls(connection), Texts.load(), new UserLanguages(unitOfWork, users));
  }

  @Override
  public Rail rail() {
    return Rail.TELEGRAM_STARS;
  }

  /** Sends the invoice to the payer's private chat (whose id is the user's); the checkout has no link. */
  @Override
  public Checkout create(Payment payment) {
    if (payment.rail() != Rail.TELEGRAM_STARS || !payment.amount().currency().equals(Currency.XTR)) {
      throw new IllegalArgumentException("not a Stars payment: " + payment.id());
    }
    String payload = payment.id().toString();
    if (payload.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_LIMIT_BYTES) {
      throw new IllegalArgumentException("invoice payload over " + PAYLOAD_LIMIT_BYTES + " bytes");
    }
    long stars = payment.amount().minorUnits();
    if (stars > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a Stars invoice is for at most " + Integer.MAX_VALUE + " stars");
    }
    long chatId = payment.userId().value();
    Language language = languages.of(chatId);
    String title = TextLimits.cut(texts.text(language, "stars.invoice.title", "credits", payment.credits().total()),
        TITLE_LIMIT);
    String description = TextLimits.cut(texts.text(language, "stars.invoice.description",
        "base", payment.credits().base(), "bonus", payment.credits().bonus(),
        "hasBonus", payment.credits().bonus().isPositive() ? "yes" : "no"), DESCRIPTION_LIMIT);
    SendInvoice invoice = SendInvoice.builder()
        .chatId(chatId)
        .title(title)
        .description(description)
        .payload(payload)
        .providerToken("")
        .currency(Currency.XTR.code())
        .prices(List.of(new LabeledPrice(texts.text(language, "stars.invoice.label"), (int) stars)))
        .build();
    Result<Message> result = calls.callWaiting(chatId, client -> client.execute(invoice));
    if (result instanceof Result.Done<Message>) {
      return new Checkout(Optional.empty(), Optional.empty());
    }
    String why = result instanceof Result.Failed<Message> failed ? failed.failure().summary() : "paced";
    log.warn("Stars invoice for payment {} not sent: {}", payment.id(), why);
    throw new GatewayUnavailableException("Telegram did not take the Stars invoice: " + why, null);
  }

  /** Telegram has no API to read a Stars payment back; only its successful_payment message tells. */
  @Override
  public Optional<PaymentNotification> fetch(Payment payment) {
    return Optional.empty();
  }

  /**
   * Returns the stars with refundStarPayment. A charge Telegram already refunded counts as done, so
   * the call is idempotent per payment as the core expects; an outage throws
   * {@link GatewayUnavailableException}, a refusal {@link StarsRefundRefusedException} with Telegram's reason.
   */
  @Override
  public void refund(Payment payment) {
    if (payment.rail() != Rail.TELEGRAM_STARS) {
      throw new IllegalArgumentException("not a Stars payment: " + payment.id());
    }
    String chargeId = payment.providerPaymentId()
        .orElseThrow(() -> new StarsRefundRefusedException("payment " + payment.id() + " was never charged"))
        .value();
    RefundStarPayment refund = RefundStarPayment.builder()
        .userId(payment.userId().value())
        .telegramPaymentChargeId(chargeId)
        .build();
    Result<Boolean> result = calls.callUnpaced(client -> client.execute(refund));
    if (result instanceof Result.Done<Boolean> done) {
      if (Boolean.TRUE.equals(done.value())) {
        return;
      }
      throw new StarsRefundRefusedException("Telegram did not confirm the refund of payment " + payment.id());
    }
    TelegramFailure failure = ((Result.Failed<Boolean>) result).failure();
    if (failure.description() != null && failure.description().contains(ALREADY_REFUNDED)) {
      log.info("Stars payment {} was already refunded at Telegram", payment.id());
      return;
    }
    if (failure.is(TelegramFailure.Kind.REJECTED) || failure.is(TelegramFailure.Kind.CHAT_GONE)) {
      throw new StarsRefundRefusedException("Telegram refused the refund of payment " + payment.id() + ": "
          + failure.summary());
    }
    throw new GatewayUnavailableException("Telegram did not answer the refund of payment " + payment.id() + ": "
        + failure.summary(), null);
  }
}
