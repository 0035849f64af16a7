package dev.rei.domain.payment;

import static dev.rei.domain.fixtures.PaymentFixtures.FOREIGN_PAYMENT_ID;
import static dev.rei.domain.fixtures.PaymentFixtures.PAYER;
import static dev.rei.domain.fixtures.PaymentFixtures.PAYMENT_ID;
import static dev.rei.domain.fixtures.PaymentFixtures.STARS_CHARGE_ID;
import static dev.rei.domain.fixtures.PaymentFixtures.STARTED_AT;
import static dev.rei.domain.fixtures.PaymentFixtures.YOOKASSA_PAYMENT_ID;
import static dev.rei.domain.fixtures.PaymentFixtures.aPendingPayment;
import static dev.rei.domain.fixtures.PaymentFixtures.aPendingPaymentFor;
import static dev.rei.domain.fixtures.PaymentFixtures.aPendingStarsPayment;
import static dev.rei.domain.fixtures.PaymentFixtures.aSuccessNotificationFor;
import static dev.rei.domain.fixtures.PricingFixtures.sampleTopUpCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceLedger;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.pricing.TopUpOffer;
import dev.rei.domain.pricing.TopUpResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentTest {

  @org.junit.jupiter.api.Test
  void givenRailAndCurrencyThatDoNotGoTogether_start_isRejected() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Payment.start(PAYMENT_ID,
        Rail.YOOKASSA, PAYER, Money.ofMajor(100, Currency.XTR), new CreditGrant(dev.rei.domain.ledger.Credits.of(100),
            dev.rei.domain.ledger.Credits.ZERO), STARTED_AT));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Payment.start(PAYMENT_ID,
        Rail.TELEGRAM_STARS, PAYER, Money.ofMajor(100, Currency.RUB), new CreditGrant(dev.rei.domain.ledger.Credits.of(100),
            dev.rei.domain.ledger.Credits.ZERO), STARTED_AT));
    org.assertj.core.api.Assertions.assertThat(Rail.HELEKET.accepts(Currency.USDT)).isTrue();
    org.assertj.core.api.Assertions.assertThat(Rail.TELEGRAM_STARS.accepts(Currency.XTR)).isTrue();
  }

  private static final Instant LATER = STARTED_AT.plus(Duration.ofMinutes(3));
  private static final Instant MUCH_LATER = STARTED_AT.plus(Duration.ofDays(2));

  @Test
  void givenNewPayment_start_isPendingUnboundAndUnsettled() {
    CreditGrant grant = new CreditGrant(Credits.of(100), Credits.of(10));

    Payment payment = Payment.start(PAYMENT_ID, Rail.TELEGRAM_STARS, PAYER, Money.ofMajor(100, Currency.XTR), grant,
        STARTED_AT);

    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(payment.providerPaymentId()).isEmpty();
    assertThat(payment.settledAt()).isEmpty();
    assertThat(payment.createdAt()).isEqualTo(STARTED_AT);
    assertThat(payment.updatedAt()).isEqualTo(STARTED_AT);
    assertThat(payment.credits()).isEqualTo(grant);
    assertThat(payment.credits().total()).isEqualTo(Credits.of(110));
  }

  @Test
  void givenZeroAmount_start_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> aPendingPayment().costing(Money.ofMinor(0, Currency.RUB)).build());
  }

  @Test
  void givenUnboundPendingPayment_boundTo_recordsTheRailsIdOnce() {
    Payment pending = aPendingPayment().unbound().build();

    Payment bound = pending.boundTo(YOOKASSA_PAYMENT_ID, LATER);

    assertThat(bound.providerPaymentId()).contains(YOOKASSA_PAYMENT_ID);
    assertThat(bound.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(bound.updatedAt()).isEqualTo(LATER);
    assertThat(bound.createdAt()).isEqualTo(STARTED_AT);
  }

  @Test
  void givenBoundPayment_boundToSameIdAgain_changesNothing() {
    Payment bound = aPendingPayment().boundTo(YOOKASSA_PAYMENT_ID).build();

    assertThat(bound.boundTo(new ProviderPaymentId(YOOKASSA_PAYMENT_ID.value()), MUCH_LATER)).isSameAs(bound);
  }

  @Test
  void givenBoundPayment_boundToAnotherId_isRefused() {
    Payment bound = aPendingPayment().boundTo(YOOKASSA_PAYMENT_ID).build();

    assertThatThrownBy(() -> bound.boundTo(FOREIGN_PAYMENT_ID, LATER))
        .isInstanceOf(IllegalPaymentTransitionException.class)
        .hasMessageContaining(PAYMENT_ID.toString());
  }

  @Test
  void givenCanceledUnboundPayment_boundTo_isRefused() {
    Payment canceled = aPendingPayment().unbound().build().cancel(LATER);

    assertThatThrownBy(() -> canceled.boundTo(YOOKASSA_PAYMENT_ID, LATER)).isInstanceOf(IllegalPaymentTransitionException.class);
  }

  @Test
  void givenSucceededPayment_boundToAnotherId_isRefusedButTheSameIdIsANoOp() {
    Payment paid = aPendingPayment().build().succeeded(YOOKASSA_PAYMENT_ID, LATER);

    assertThatThrownBy(() -> paid.boundTo(FOREIGN_PAYMENT_ID, LATER)).isInstanceOf(IllegalPaymentTransitionException.class);
    assertThat(paid.boundTo(YOOKASSA_PAYMENT_ID, MUCH_LATER)).isSameAs(paid);
  }

  @Test
  void givenPendingPayment_cancel_cancelsWithoutSettlementTime() {
    Payment pending = aPendingPayment().build();

    Payment canceled = pending.cancel(LATER);

    assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(canceled.settledAt()).isEmpty();
    assertThat(canceled.updatedAt()).isEqualTo(LATER);
    assertThat(canceled.providerPaymentId()).isEqualTo(pending.providerPaymentId());
  }

  @Test
  void givenPaymentNotPending_cancel_isRefused() {
    Payment pending = aPendingPayment().build();
    Payment canceled = pending.cancel(LATER);
    Payment paid = pending.succeeded(YOOKASSA_PAYMENT_ID, LATER);
    Payment refunded = paid.refund(MUCH_LATER);

    for (Payment payment : List.of(canceled, paid, refunded)) {
      assertThatThrownBy(() -> payment.cancel(MUCH_LATER))
          .as("cancel a %s payment", payment.status())
          .isInstanceOf(IllegalPaymentTransitionException.class)
          .hasMessageContaining(payment.status().name());
    }
  }

  @Test
  void givenSucceededPayment_refund_keepsTheSettlementTimeAndRailId() {
    Payment paid = aPendingPayment().build().succeeded(YOOKASSA_PAYMENT_ID, LATER);

    Payment refunded = paid.refund(MUCH_LATER);

    assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(refunded.settledAt()).contains(LATER);
    assertThat(refunded.providerPaymentId()).contains(YOOKASSA_PAYMENT_ID);
    assertThat(refunded.updatedAt()).isEqualTo(MUCH_LATER);
  }

  @Test
  void givenPaymentNotSucceeded_refund_isRefused() {
    Payment pending = aPendingPayment().build();
    Payment canceled = pending.cancel(LATER);
    Payment refunded = pending.succeeded(YOOKASSA_PAYMENT_ID, LATER).refund(LATER);

    for (Payment payment : List.of(pending, canceled, refunded)) {
      assertThatThrownBy(() -> payment.refund(MUCH_LATER))
          .as("refund a %s payment", payment.status())
          .isInstanceOf(IllegalPaymentTransitionException.class);
    }
  }

  @Test
  void givenStatusAndSettlementTimeThatDisagree_construction_isRefused() {
    Payment pending = aPendingPayment().build();

    assertThatIllegalArgumentException().isThrownBy(() -> with(pending, PaymentStatus.SUCCEEDED, Optional.of(YOOKASSA_PAYMENT_ID), Optional.empty()));
    assertThatIllegalArgumentException().isThrownBy(() -> with(pending, PaymentStatus.REFUNDED, Optional.of(YOOKASSA_PAYMENT_ID), Optional.empty()));
    assertThatIllegalArgumentException().isThrownBy(() -> with(pending, PaymentStatus.PENDING, Optional.empty(), Optional.of(LATER)));
    assertThatIllegalArgumentException().isThrownBy(() -> with(pending, PaymentStatus.CANCELED, Optional.empty(), Optional.of(LATER)));
  }

  @Test
  void givenPaidStatusWithoutRailId_construction_isRefused() {
    Payment pending = aPendingPayment().unbound().build();

    assertThatIllegalArgumentException().isThrownBy(() -> with(pending, PaymentStatus.SUCCEEDED, Optional.empty(), Optional.of(LATER)))
        .withMessageContaining("rail's payment id");
    assertThatIllegalArgumentException().isThrownBy(() -> with(pending, PaymentStatus.REFUNDED, Optional.empty(), Optional.of(LATER)));
  }

  @Test
  void givenConsistentStoredRows_construction_isAccepted() {
    Payment pending = aPendingPayment().unbound().build();

    assertThat(with(pending, PaymentStatus.SUCCEEDED, Optional.of(STARS_CHARGE_ID), Optional.of(LATER)).status())
        .isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(with(pending, PaymentStatus.CANCELED, Optional.empty(), Optional.empty()).status())
        .isEqualTo(PaymentStatus.CANCELED);
  }

  @Test
  void givenGrantWithBonus_creditRequests_postBaseFromSalesAndBonusFromBonus() {
    Payment payment = aPendingStarsPayment().build().succeeded(STARS_CHARGE_ID, LATER);
    TransferMemo memo = TransferMemo.of(ReferenceType.PAYMENT, PAYMENT_ID);

    assertThat(payment.creditRequests()).containsExactly(
        new TransferRequest.Post(IdempotencyKey.of("payment:" + PAYMENT_ID), SystemAccount.SALES, AccountId.user(PAYER),
            Credits.of(100), TransferKind.TOP_UP, memo),
        new TransferRequest.Post(IdempotencyKey.of("payment:" + PAYMENT_ID + ":bonus"), SystemAccount.BONUS,
            AccountId.user(PAYER), Credits.of(10), TransferKind.BONUS, memo));
  }

  @Test
  void givenGrantWithoutBonus_creditRequests_postOnlyTheBase() {
    Payment payment = aPendingPayment().granting(300, 0).build();

    assertThat(payment.creditRequests()).singleElement().satisfies(request -> {
      assertThat(request.key()).isEqualTo(IdempotencyKey.of("payment:" + PAYMENT_ID));
      assertThat(request.debit()).isEqualTo(SystemAccount.SALES);
      assertThat(request.credit()).isEqualTo(AccountId.user(PAYER));
      assertThat(request.amount()).isEqualTo(Credits.of(300));
      assertThat(request.kind()).isEqualTo(TransferKind.TOP_UP);
    });
    assertThat(payment.refundRequests()).hasSize(1);
  }

  @Test
  void givenGrantWithBonus_refundRequests_mirrorTheCreditRequests() {
    Payment payment = aPendingStarsPayment().build().succeeded(STARS_CHARGE_ID, LATER).refund(MUCH_LATER);

    List<TransferRequest.Post> credits = payment.creditRequests();
    List<TransferRequest.Post> refunds = payment.refundRequests();

    assertThat(refunds).hasSameSizeAs(credits);
    for (int i = 0; i < credits.size(); i++) {
      assertThat(refunds.get(i).debit()).isEqualTo(credits.get(i).credit());
      assertThat(refunds.get(i).credit()).isEqualTo(credits.get(i).debit());
      assertThat(refunds.get(i).amount()).isEqualTo(credits.get(i).amount());
      assertThat(refunds.get(i).kind()).isEqualTo(TransferKind.TOP_UP_REVERSAL);
      assertThat(refunds.get(i).memo()).isEqualTo(credits.get(i).memo());
    }
    assertThat(refunds).extracting(r -> r.key().value())
        .containsExactly("payment:" + PAYMENT_ID + ":refund", "payment:" + PAYMENT_ID + ":refund-bonus")
        .doesNotContainAnyElementsOf(credits.stream().map(r -> r.key().value()).toList());
  }

  @Test
  void givenSucceededPayment_creditRequestsAppliedToLedger_creditBasePlusBonusOnce() {
    Payment payment = aPendingStarsPayment().build().succeeded(STARS_CHARGE_ID, LATER);
    ReferenceLedger ledger = new ReferenceLedger();
    ledger.open(PAYER);

    List<TransferResult> first = payment.creditRequests().stream().map(r -> ledger.apply(r, LATER)).toList();
    List<TransferResult> again = payment.creditRequests().stream().map(r -> ledger.apply(r, MUCH_LATER)).toList();

    assertThat(first).allMatch(TransferResult.Recorded.class::isInstance);
    assertThat(again).allMatch(TransferResult.Replayed.class::isInstance);
    assertThat(ledger.balanceOf(PAYER)).isEqualTo(new UserBalance(Credits.of(110), Credits.ZERO, Credits.of(110)));
    assertThat(ledger.balance(SystemAccount.SALES).netPosted()).isEqualTo(-100);
    assertThat(ledger.balance(SystemAccount.BONUS).netPosted()).isEqualTo(-10);
    assertThat(ledger.transfers()).hasSize(2);
    assertThat(ledger.audit()).isEmpty();
  }

  @Test
  void givenCreditedPayment_refundRequestsAppliedToLedger_takeEverythingBackOnce() {
    Payment paid = aPendingStarsPayment().build().succeeded(STARS_CHARGE_ID, LATER);
    ReferenceLedger ledger = new ReferenceLedger();
    ledger.open(PAYER);
    paid.creditRequests().forEach(r -> ledger.apply(r, LATER));
    Payment refunded = paid.refund(MUCH_LATER);

    refunded.refundRequests().forEach(r -> assertThat(ledger.apply(r, MUCH_LATER)).isInstanceOf(TransferResult.Recorded.class));
    refunded.refundRequests().forEach(r -> assertThat(ledger.apply(r, MUCH_LATER)).isInstanceOf(TransferResult.Replayed.class));

    assertThat(ledger.balanceOf(PAYER)).isEqualTo(UserBalance.ZERO);
    assertThat(ledger.balance(SystemAccount.SALES).netPosted()).isZero();
    assertThat(ledger.balance(SystemAccount.BONUS).netPosted()).isZero();
    assertThat(ledger.audit()).isEmpty();
  }

  @Test
  void givenStarsPackageOffer_paidAndSettled_creditsThePackageAndItsBonus() {
    TopUpOffer offer = ((TopUpResult.Offered) sampleTopUpCatalog().offerPackage(Rail.TELEGRAM_STARS, "stars-500")).offer();
    Payment pending = aPendingPaymentFor(offer).build();
    ReferenceLedger ledger = new ReferenceLedger();
    ledger.open(PAYER);

    Settlement settlement = SettlementRule.decide(Optional.of(pending),
        aSuccessNotificationFor(pending).withProviderId(STARS_CHARGE_ID).build(), LATER);
    Payment paid = ((Settlement.Changed) settlement).payment();
    paid.creditRequests().forEach(r -> ledger.apply(r, LATER));

    assertThat(pending.amount()).isEqualTo(Money.ofMajor(500, Currency.XTR));
    assertThat(ledger.balanceOf(PAYER).available()).isEqualTo(Credits.of(550));
    assertThat(ledger.audit()).isEmpty();
  }

  @Test
  void givenGrant_construction_needsAtLeastOneBaseCredit() {
    assertThat(new CreditGrant(Credits.of(1), Credits.ZERO).total()).isEqualTo(Credits.of(1));
    assertThatIllegalArgumentException().isThrownBy(() -> new CreditGrant(Credits.ZERO, Credits.of(10)));
    assertThatThrownBy(() -> new CreditGrant(null, Credits.ZERO)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new CreditGrant(Credits.of(1), null)).isInstanceOf(NullPointerException.class);
  }

  private static Payment with(
      Payment base, PaymentStatus status, Optional<ProviderPaymentId> providerId, Optional<Instant> settledAt) {
    return new Payment(base.id(), base.rail(), base.userId(), base.amount(), base.credits(), status, providerId,
        base.createdAt(), settledAt, LATER);
  }
}
