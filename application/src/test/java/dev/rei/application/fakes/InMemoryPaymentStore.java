package dev.rei.application.fakes;

import dev.rei.application.port.out.PaymentStore;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PaymentStore} over an {@link InMemoryDatabase}; (rail, provider id) is unique as in the schema. */
public final class InMemoryPaymentStore implements PaymentStore {

  private final InMemoryDatabase db;

  public InMemoryPaymentStore(InMemoryDatabase db) {
    this.db = db;
  }

  @Override
  public void insert(Payment payment) {
    db.change(s -> {
      requireUniqueProviderId(s, payment);
      if (s.payments.putIfAbsent(payment.id(), payment) != null) {
        throw new IllegalStateException("payment " + payment.id() + " exists");
      }
    });
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    return db.access(s -> Optional.ofNullable(s.payments.get(id)));
  }

  @Override
  public Optional<Payment> lock(PaymentId id) {
    return find(id);
  }

  @Override
  public Optional<Payment> findByProviderId(Rail rail, ProviderPaymentId providerId) {
    return db.access(s -> s.payments.values().stream()
        .filter(p -> p.rail() == rail && p.providerPaymentId().equals(Optional.of(providerId)))
        .findFirst());
  }

  @Override
  public void update(Payment payment) {
    db.change(s -> {
      if (!s.payments.containsKey(payment.id())) {
        throw new IllegalStateException("no payment " + payment.id());
      }
      requireUniqueProviderId(s, payment);
      s.payments.put(payment.id(), payment);
    });
  }

  private static void requireUniqueProviderId(InMemoryDatabase.State s, Payment payment) {
    if (payment.providerPaymentId().isEmpty()) {
      return;
    }
    boolean taken = s.payments.values().stream().anyMatch(p -> !p.id().equals(payment.id())
        && p.rail() == payment.rail() && p.providerPaymentId().equals(payment.providerPaymentId()));
    if (taken) {
      throw new IllegalStateException("provider payment id " + payment.providerPaymentId().get() + " is taken");
    }
  }

  @Override
  public List<Payment> pendingCreatedBefore(Instant before, int limit) {
    return db.access(s -> s.payments.values().stream()
        .filter(p -> p.status() == PaymentStatus.PENDING && p.createdAt().isBefore(before))
        .sorted(Comparator.comparing(Payment::createdAt))
        .limit(limit)
        .toList());
  }

  @Override
  public List<Payment> latestOf(UserId user, int limit) {
    return db.access(s -> s.payments.values().stream()
        .filter(p -> p.userId().equals(user))
        .sorted(Comparator.comparing(Payment::createdAt).reversed())
        .limit(limit)
        .toList());
  }

  @Override
  public Map<Rail, Map<String, Long>> revenueSince(Instant since) {
    return db.access(s -> {
      Map<Rail, Map<String, Long>> revenue = new EnumMap<>(Rail.class);
      s.payments.values().stream()
          .filter(p -> p.status() == PaymentStatus.SUCCEEDED && p.settledAt().map(t -> !t.isBefore(since)).orElse(false))
          .forEach(p -> revenue.computeIfAbsent(p.rail(), r -> new HashMap<>())
              .merge(p.amount().currency().code(), p.amount().minorUnits(), Long::sum));
      return revenue;
    });
  }

  @Override
  public Map<Rail, Map<PaymentStatus, Long>> countByRailAndStatus() {
    return db.access(s -> {
      Map<Rail, Map<PaymentStatus, Long>> counts = new EnumMap<>(Rail.class);
      s.payments.values().forEach(p -> counts.computeIfAbsent(p.rail(), r -> new EnumMap<>(PaymentStatus.class))
          .merge(p.status(), 1L, Long::sum));
      return counts;
    });
  }

  @Override
  public Map<java.time.LocalDate, Map<String, Long>> revenuePerDay(Instant since) {
    return db.access(s -> {
      Map<java.time.LocalDate, Map<String, Long>> revenue = new java.util.TreeMap<>();
      s.payments.values().stream()
          .filter(p -> p.status() == PaymentStatus.SUCCEEDED && p.settledAt().map(t -> !t.isBefore(since)).orElse(false))
          .forEach(p -> revenue.computeIfAbsent(java.time.LocalDate.ofInstant(p.settledAt().orElseThrow(),
              java.time.ZoneOffset.UTC), d -> new HashMap<>())
              .merge(p.amount().currency().code(), p.amount().minorUnits(), Long::sum));
      return revenue;
    });
  }
}
