package dev.rei.application.port.out;

import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Payments, unique by id and by (rail, provider payment id). */
public interface PaymentStore {

  void insert(Payment payment);

  Optional<Payment> find(PaymentId id);

  /** The payment, locked until the transaction ends: settling and refunding go through this. */
  Optional<Payment> lock(PaymentId id);

  Optional<Payment> findByProviderId(Rail rail, ProviderPaymentId providerId);

  /** Stores the payment's new state; the caller holds its lock. */
  void update(Payment payment);

  /** Pending payments created before {@code before}, oldest first, at most {@code limit}. */
  List<Payment> pendingCreatedBefore(Instant before, int limit);

  /** The user's latest payments, newest first. */
  List<Payment> latestOf(UserId user, int limit);

  /** Minor units paid per rail and currency code by payments settled since {@code since}. */
  Map<Rail, Map<String, Long>> revenueSince(Instant since);

  /** Every payment counted by rail and status now; a status with none is absent. */
  Map<Rail, Map<dev.rei.domain.payment.PaymentStatus, Long>> countByRailAndStatus();

  /**
   * Minor units paid per UTC day of settlement and currency code by payments settled since
   * {@code since} and not refunded (as {@link #revenueSince}); days without any are absent.
   */
  Map<java.time.LocalDate, Map<String, Long>> revenuePerDay(Instant since);
}
