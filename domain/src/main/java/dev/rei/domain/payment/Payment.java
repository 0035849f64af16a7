package dev.rei.domain.payment;

import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's purchase of credits on one rail. Immutable; settled only through {@link
 * SettlementRule}, exactly once.
 *
 * @param providerPaymentId the rail's id, known once the gateway created the payment (YooKassa,
 *     Heleket) or once it was paid (Telegram Stars)
 */
public record Payment(
    PaymentId id,
    Rail rail,
    UserId userId,
    Money amount,
    CreditGrant credits,
    PaymentStatus status,
    Optional<ProviderPaymentId> providerPaymentId,
    Instant createdAt,
    Optional<Instant> settledAt,
    Instant updatedAt) {

  public Payment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(credits, "credits");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(providerPaymentId, "providerPaymentId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(settledAt, "settledAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (amount.isZero()) {
      throw new IllegalArgumentException("a payment is for more than nothing");
    }
    if (!rail.accepts(amount.currency())) {
      throw new IllegalArgumentException(rail + " does not take payments in " + amount.currency());
    }
    boolean paid = status == PaymentStatus.SUCCEEDED || status == PaymentStatus.REFUNDED;
    if (paid != settledAt.isPresent()) {
      throw new IllegalArgumentException("a payment has a settlement time iff it was paid, status " + status);
    }
    if (paid && providerPaymentId.isEmpty()) {
      throw new IllegalArgumentException("a paid payment has the rail's payment id");
    }
  }

  /** A new payment, waiting for the user to pay. */
  public static Payment start(PaymentId id, Rail rail, UserId userId, Money amount, CreditGrant credits, Instant now) {
    return new Payment(id, rail, userId, amount, credits, PaymentStatus.PENDING, Optional.empty(), now,
        Optional.empty(), now);
  }

  /** Records the rail's id for the payment once its gateway created it; the same id again changes nothing. */
  public Payment boundTo(ProviderPaymentId providerId, Instant now) {
    Objects.requireNonNull(providerId, "providerId");
    if (providerPaymentId.equals(Optional.of(providerId))) {
      return this;
    }
    if (status != PaymentStatus.PENDING || providerPaymentId.isPresent()) {
      throw illegal("bind to " + providerId, "it is " + status + " and bound to " + providerPaymentId.orElse(null));
    }
    return new Payment(id, rail, userId, amount, credits, status, Optional.of(providerId), createdAt, settledAt, now);
  }

  /** Gives up on a payment that was never paid, e.g. after its invoice expired. */
  public Payment cancel(Instant now) {
    if (status != PaymentStatus.PENDING) {
      throw illegal("cancel", "only a pending payment can be canceled");
    }
    return withStatus(PaymentStatus.CANCELED, providerPaymentId, settledAt, now);
  }

  /** Marks a paid payment refunded; {@link #refundRequests()} take its credits back. */
  public Payment refund(Instant now) {
    if (status != PaymentStatus.SUCCEEDED) {
      throw illegal("refund", "only a succeeded payment can be refunded");
    }
    return withStatus(PaymentStatus.REFUNDED, providerPaymentId, settledAt, now);
  }

  Payment succeeded(ProviderPaymentId providerId, Instant now) {
    return withStatus(PaymentStatus.SUCCEEDED, Optional.of(providerId), Optional.of(now), now);
  }

  /**
   * The transfers that credit a succeeded payment, keyed by the payment id so that crediting
   * happens once: the package credits from {@code sales}, the bonus (if any) from {@code bonus}.
   */
  public List<TransferRequest.Post> creditRequests() {
    TransferMemo memo = TransferMemo.of(ReferenceType.PAYMENT, id);
    List<TransferRequest.Post> requests = new ArrayList<>(2);
    requests.add(new TransferRequest.Post(IdempotencyKey.of("payment", id), SystemAccount.SALES,
        AccountId.user(userId), credits.base(), TransferKind.TOP_UP, memo));
    if (credits.bonus().isPositive()) {
      requests.add(new TransferRequest.Post(IdempotencyKey.of("payment", id, "bonus"), SystemAccount.BONUS,
          AccountId.user(userId), credits.bonus(), TransferKind.BONUS, memo));
    }
    return List.copyOf(requests);
  }

  /** The transfers that take a refunded payment's credits back, the reverse of {@link #creditRequests()}. */
  public List<TransferRequest.Post> refundRequests() {
    TransferMemo memo = TransferMemo.of(ReferenceType.PAYMENT, id);
    List<TransferRequest.Post> requests = new ArrayList<>(2);
    requests.add(new TransferRequest.Post(IdempotencyKey.of("payment", id, "refund"), AccountId.user(userId),
        SystemAccount.SALES, credits.base(), TransferKind.TOP_UP_REVERSAL, memo));
    if (credits.bonus().isPositive()) {
      requests.add(new TransferRequest.Post(IdempotencyKey.of("payment", id, "refund-bonus"), AccountId.user(userId),
          SystemAccount.BONUS, credits.bonus(), TransferKind.TOP_UP_REVERSAL, memo));
    }
    return List.copyOf(requests);
  }

  private Payment withStatus(
      PaymentStatus next, Optional<ProviderPaymentId> providerId, Optional<Instant> settled, Instant now) {
    return new Payment(id, rail, userId, amount, credits, next, providerId, createdAt, settled, now);
  }

  private IllegalPaymentTransitionException illegal(String action, String why) {
    return new IllegalPaymentTransitionException("payment " + id + " (" + status + "): cannot " + action + ": " + why);
  }
}
