package dev.rei.application.fakes;

import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A rail tests drive: creates pay links {@code https://pay.test/<id>} (or what {@link #onCreate}
 * says), reports whatever the test set with {@link #report}, and can be switched {@link #down()}.
 */
public final class FakePaymentGateway implements PaymentGateway {

  private final Rail rail;
  private final Map<dev.rei.domain.payment.PaymentId, PaymentNotification> reports = new ConcurrentHashMap<>();
  private final List<Payment> refunds = new CopyOnWriteArrayList<>();
  private volatile boolean down;
  private volatile Function<Payment, Checkout> onCreate =
      payment -> new Checkout(Optional.of(providerIdOf(payment)), Optional.of("https://pay.test/" + payment.id()));
  private final List<Payment> created = new CopyOnWriteArrayList<>();

  public FakePaymentGateway(Rail rail) {
    this.rail = rail;
  }

  public void report(PaymentNotification notification) {
    reports.put(notification.paymentId(), notification);
  }

  public void down() {
    down = true;
  }

  public void up() {
    down = false;
  }

  /** Answers {@link #create} as {@code answer} says from now on (it may throw, say a {@link GatewayUnavailableException}). */
  public FakePaymentGateway onCreate(Function<Payment, Checkout> answer) {
    this.onCreate = answer;
    return this;
  }

  /** Payments created at this rail so far, in order. */
  public List<Payment> created() {
    return List.copyOf(created);
  }

  public List<Payment> refunds() {
    return List.copyOf(refunds);
  }

  /** The provider id this fake gives a payment. */
  public static ProviderPaymentId providerIdOf(Payment payment) {
    return new ProviderPaymentId("test-" + payment.id());
  }

  @Override
  public Rail rail() {
    return rail;
  }

  @Override
  public Checkout create(Payment payment) {
    failIfDown();
    Checkout checkout = onCreate.apply(payment);
    created.add(payment);
    return checkout;
  }

  @Override
  public Optional<PaymentNotification> fetch(Payment payment) {
    failIfDown();
    return Optional.ofNullable(reports.get(payment.id()));
  }

  @Override
  public void refund(Payment payment) {
    failIfDown();
    if (refundRefusal != null) {
      throw new RefundRefusedException(refundRefusal);
    }
    refunds.add(payment);
  }

  private void failIfDown() {
    if (down) {
      throw new GatewayUnavailableException(rail + " is down (test)", null);
    }
  }

  private volatile String refundRefusal;

  /** From now on the rail answers every refund with a refusal in these words (null: refunds again). */
  public void refuseRefunds(String railReason) {
    this.refundRefusal = railReason;
  }
}
