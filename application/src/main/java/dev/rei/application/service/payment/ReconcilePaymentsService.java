package dev.rei.application.service.payment;

import dev.rei.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.service.Notifier;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Catches lost webhooks: pending payments older than {@code minAge} are read back from their rail
 * (no transaction open while it answers) and settled; those still unpaid after {@code
 * pendingExpiry} are canceled. A rail that does not answer changes nothing.
 */
public final class ReconcilePaymentsService implements ReconcilePaymentsUseCase {

  /** Defaults: leave the webhook two minutes to arrive; give up on an unpaid payment after a day. */
  public static final Duration DEFAULT_MIN_AGE = Duration.ofMinutes(2);
  public static final Duration DEFAULT_PENDING_EXPIRY = Duration.ofHours(24);
  public static final int DEFAULT_BATCH = 100;

  private final UnitOfWork unitOfWork;
  private final PaymentStore payments;
  private final PaymentGateways gateways;
  private final SettlePaymentUseCase settle;
  private final Notifier notifier;
  private final Clock clock;
  private final Duration minAge;
  private final Duration pendingExpiry;
  private final int batch;

  public ReconcilePaymentsService(UnitOfWork unitOfWork, PaymentStore payments, PaymentGateways gateways,
      SettlePaymentUseCase settle, Notifier notifier, Clock clock, Duration minAge, Duration pendingExpiry, int batch) {
    this.unitOfWork = unitOfWork;
    this.payments = payments;
    this.gateways = gateways;
    this.settle = settle;
    this.notifier = notifier;
    this.clock = clock;
    this.minAge = requirePositive(minAge, "minAge");
    this.pendingExpiry = requirePositive(pendingExpiry, "pendingExpiry");
    if (batch < 1) {
      throw new IllegalArgumentException("a batch holds at least one payment");
    }
    this.batch = batch;
  }

  public ReconcilePaymentsService(UnitOfWork unitOfWork, PaymentStore payments, PaymentGateways gateways,
      SettlePaymentUseCase settle, Notifier notifier, Clock clock, Duration minAge, Duration pendingExpiry) {
    this(unitOfWork, payments, gateways, settle, notifier, clock, minAge, pendingExpiry, DEFAULT_BATCH);
  }

  @Override
  public ReconcileReport reconcile() {
    int checked = 0;
    int settled = 0;
    int canceled = 0;
    int expired = 0;
    int unavailable = 0;
    for (Payment payment : payments.pendingCreatedBefore(clock.now().minus(minAge), batch)) {
      checked++;
      Optional<PaymentNotification> reported;
      try {
        // A rail dropped from the configuration cannot be asked: its payments wait, they are not expired blind.
        PaymentGateway gateway = gateways.of(payment.rail())
            .orElseThrow(() -> new PaymentGateway.GatewayUnavailableException("no gateway for " + payment.rail(), null));
        reported = gateway.fetch(payment);
      } catch (PaymentGateway.GatewayUnavailableException e) {
        unavailable++;
        continue;
      }
      if (reported.isPresent()) {
        SettleResult result = settle.settle(reported.get());
        if (result instanceof SettleResult.Settled) {
          settled++;
          continue;
        }
        if (result instanceof SettleResult.Canceled) {
          canceled++;
          continue;
        }
      }
      // Unknown to the rail, still pending there, or reported in a way that changed nothing (a
      // mismatch has alerted admins): a payment left unpaid this long is given up on.
      if (isStale(payment) && expire(payment)) {
        expired++;
      }
    }
    return new ReconcileReport(checked, settled, canceled, expired, unavailable);
  }

  private boolean isStale(Payment payment) {
    Instant expiresAt = payment.createdAt().plus(pendingExpiry);
    return !clock.now().isBefore(expiresAt);
  }

  private boolean expire(Payment payment) {
    return unitOfWork.inTransaction(() -> {
      // A notification may have settled it since we read it: only a payment still pending is canceled.
      Optional<Payment> current = payments.lock(payment.id()).filter(p -> p.status() == PaymentStatus.PENDING);
      current.ifPresent(p -> {
        payments.update(p.cancel(clock.now()));
        notifier.tell(p.userId(), Notice.Type.PAYMENT_CANCELED, Map.of("paymentId", p.id().toString()));
      });
      return current.isPresent();
    });
  }

  private static Duration requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
    return duration;
  }
}

