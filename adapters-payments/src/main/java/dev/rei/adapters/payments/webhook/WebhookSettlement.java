package dev.rei.adapters.payments.webhook;

import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every webhook does once it trusts the sender: find our payment, read it back from the rail
 * with an authenticated call (a notification's body is a hint, never the truth), and settle what
 * the rail says. Rail or store down → 503, so the rail delivers again; settling is idempotent, so a
 * repeat is harmless. Anything that will never succeed (unknown payment, duplicate, mismatch) → 200,
 * so the rail stops, with the reason logged; mismatches also alert admins (the core does that).
 */
public final class WebhookSettlement {

  private static final Logger log = LoggerFactory.getLogger(WebhookSettlement.class);

  private final PaymentGateway gateway;
  private final SettlePaymentUseCase settle;

  public WebhookSettlement(PaymentGateway gateway, SettlePaymentUseCase settle) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.settle = Objects.requireNonNull(settle, "settle");
  }

  /**
   * @param findPayment looks our payment up in the store
   * @param reference what the notification named, for the log
   */
  public WebhookResponse settle(Supplier<Optional<Payment>> findPayment, String reference) {
    String rail = gateway.rail().name();
    Optional<Payment> found;
    try {
      found = findPayment.get();
    } catch (RuntimeException e) {
      log.error("{} webhook for {}: payment store unavailable, asking the rail to deliver again", rail, reference, e);
      return WebhookResponse.of(503, "store unavailable");
    }
    if (found.isEmpty()) {
      log.warn("{} webhook rejected: {} is no payment of ours; answered 200 so the rail stops", rail, reference);
      return WebhookResponse.ok();
    }
    Payment payment = found.get();
    if (payment.rail() != gateway.rail()) {
      log.warn("{} webhook rejected: {} names payment {} of rail {}", rail, reference, payment.id(), payment.rail());
      return WebhookResponse.ok();
    }
    Optional<PaymentNotification> reported;
    try {
      reported = gateway.fetch(payment);
    } catch (PaymentGateway.GatewayUnavailableException e) {
      log.warn("{} webhook for payment {}: re-reading it from the rail failed ({}); asking the rail to deliver again",
          rail, payment.id(), e.getMessage());
      return WebhookResponse.of(503, "rail unavailable");
    }
    if (reported.isEmpty()) {
      log.warn("{} webhook rejected: the rail does not know payment {} ({})", rail, payment.id(), reference);
      return WebhookResponse.ok();
    }
    PaymentNotification notification = reported.get();
    if (notification.status() == PaymentNotification.ReportedStatus.PENDING) {
      log.info("{} webhook for payment {}: the rail reports it not final yet; nothing to do", rail, payment.id());
      return WebhookResponse.ok();
    }
    SettleResult result;
    try {
      result = settle.settle(notification);
    } catch (RuntimeException e) {
      log.error("{} webhook for payment {}: settling failed, asking the rail to deliver again", rail, payment.id(), e);
      return WebhookResponse.of(503, "store unavailable");
    }
    if (result instanceof SettleResult.Settled settled) {
      log.info("{} payment {} settled: {} paid, {} credits", rail, payment.id(), notification.paid(),
          settled.payment().credits().total());
    } else if (result instanceof SettleResult.Canceled) {
      log.info("{} payment {} canceled by the rail", rail, payment.id());
    } else if (result instanceof SettleResult.Ignored ignored) {
      if (ignored.reason().alertsAdmins()) {
        log.warn("{} webhook for payment {} changed nothing: {} ({}; rail reports {} {})", rail, payment.id(),
            ignored.reason(), ignored.reason().description(), notification.status(), notification.paid());
      } else {
        log.info("{} webhook for payment {} changed nothing: {}", rail, payment.id(), ignored.reason());
      }
    }
    return WebhookResponse.ok();
  }
}
