package dev.rei.adapters.payments;

import dev.rei.application.port.out.PaymentStore;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A payment store whose database is down: every call throws. */
public final class DownPaymentStore implements PaymentStore {

  private static IllegalStateException down() {
    return new IllegalStateException("connection refused (test)");
  }

  @Override
  public void insert(Payment payment) {
    throw down();
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    throw down();
  }

  @Override
  public Optional<Payment> lock(PaymentId id) {
    throw down();
  }

  @Override
  public Optional<Payment> findByProviderId(Rail rail, ProviderPaymentId providerId) {
    throw down();
  }

  @Override
  public void update(Payment payment) {
    throw down();
  }

  @Override
  public List<Payment> pendingCreatedBefore(Instant before, int limit) {
    throw down();
  }

  @Override
  public List<Payment> latestOf(UserId user, int limit) {
    throw down();
  }

  @Override
  public Map<Rail, Map<String, Long>> revenueSince(Instant since) {
    throw down();
  }

  @Override
  public Map<Rail, Map<dev.rei.domain.payment.PaymentStatus, Long>> countByRailAndStatus() {
    throw down();
  }

  @Override
  public Map<java.time.LocalDate, Map<String, Long>> revenuePerDay(Instant since) {
    throw down();
  }
}
