package dev.rei.domain.payment;

import static dev.rei.domain.fixtures.PaymentFixtures.FOREIGN_PAYMENT_ID;
import static dev.rei.domain.fixtures.PaymentFixtures.PAYER;
import static dev.rei.domain.fixtures.PaymentFixtures.SOMEONE_ELSE;
import static dev.rei.domain.fixtures.PaymentFixtures.STARTED_AT;
import static dev.rei.domain.fixtures.PaymentFixtures.aPendingPayment;
import static dev.rei.domain.fixtures.PaymentFixtures.aSuccessNotificationFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.domain.fixtures.PaymentFixtures.NotificationBuilder;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.ReferenceLedger;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Settle-once (DESIGN §2.3) under any order of notifications: duplicates, late and forged ones,
 * mismatching amounts, currencies, rails, payers and provider ids. The expected outcome is
 * computed from how each notification was made, not from {@link SettlementRule}.
 */
class SettlementProperties {

  /** How a generated notification differs from a genuine one. */
  enum Flaw {
    NONE,
    NO_PAYER,
    WRONG_RAIL,
    WRONG_PROVIDER_ID,
    WRONG_PAYER,
    WRONG_CURRENCY,
    UNDERPAID,
    OVERPAID
  }

  /** One notification as generated: what it reports, and how it is flawed. */
  record Sent(ReportedStatus status, Flaw flaw) {}

  @Property(tries = 1000)
  void givenPendingPayment_anyNotificationSequence_creditsTheUserAtMostOnce(
      @ForAll("pendingPayments") Payment start, @ForAll("notificationSequences") List<Sent> sequence) {
    ReferenceLedger ledger = new ReferenceLedger();
    ledger.open(PAYER);
    Payment stored = start;
    PaymentStatus expected = PaymentStatus.PENDING;
    Optional<Instant> expectedSettledAt = Optional.empty();
    int changes = 0;
    Instant now = STARTED_AT;

    for (Sent sent : sequence) {
      now = now.plusSeconds(1);
      if (expected == PaymentStatus.PENDING && settles(sent, start)) {
        expected = PaymentStatus.SUCCEEDED;
        expectedSettledAt = Optional.of(now);
      } else if (expected == PaymentStatus.PENDING && cancels(sent, start)) {
        expected = PaymentStatus.CANCELED;
      }

      Settlement settlement = SettlementRule.decide(Optional.of(stored), notification(start, sent), now);

      if (settlement instanceof Settlement.Changed changed) {
        changes++;
        assertThat(stored.status()).as("only a pending payment changes").isEqualTo(PaymentStatus.PENDING);
        assertThat(changed.payment().status()).isIn(PaymentStatus.SUCCEEDED, PaymentStatus.CANCELED);
        assertThat(changed.payment().credits()).isEqualTo(start.credits());
        stored = changed.payment();
        if (stored.status() == PaymentStatus.SUCCEEDED) {
          for (var request : stored.creditRequests()) {
            assertThat(ledger.apply(request, now)).isNotInstanceOf(TransferResult.Refused.class);
          }
        }
      }
      assertThat(stored.status()).as("status after %s", sent).isEqualTo(expected);
    }

    Credits credited = expected == PaymentStatus.SUCCEEDED ? start.credits().total() : Credits.ZERO;
    assertThat(changes).isLessThanOrEqualTo(1);
    assertThat(stored.settledAt()).isEqualTo(expectedSettledAt);
    assertThat(ledger.balanceOf(PAYER)).isEqualTo(new UserBalance(credited, Credits.ZERO, credited));
    assertThat(ledger.balanceOf(PAYER).posted()).isIn(Credits.ZERO, start.credits().total());
    assertThat(ledger.audit()).isEmpty();

    Statistics.label("outcome").collect(expected);
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check(PaymentStatus.SUCCEEDED).percentage(p -> p > 20);
      coverage.check(PaymentStatus.CANCELED).percentage(p -> p > 10);
      coverage.check(PaymentStatus.PENDING).percentage(p -> p > 5);
    });
  }

  /** Whether {@code sent}, arriving while the payment is pending, is a genuine success. */
  private static boolean settles(Sent sent, Payment start) {
    if (sent.status() != ReportedStatus.SUCCEEDED) {
      return false;
    }
    return switch (sent.flaw()) {
      case NONE, NO_PAYER -> true;
      // The surplus of a crypto payment buys nothing, but the payment is paid.
      case OVERPAID -> start.rail() == Rail.HELEKET;
      // Telegram names the charge only when it is paid: an unbound payment accepts any id.
      case WRONG_PROVIDER_ID -> start.providerPaymentId().isEmpty();
      case WRONG_RAIL, WRONG_PAYER, WRONG_CURRENCY, UNDERPAID -> false;
    };
  }

  /** Whether {@code sent}, arriving while the payment is pending, genuinely cancels it. */
  private static boolean cancels(Sent sent, Payment start) {
    if (sent.status() != ReportedStatus.CANCELED) {
      return false;
    }
    return switch (sent.flaw()) {
      // A cancellation says nothing about the amount.
      case NONE, NO_PAYER, WRONG_CURRENCY, UNDERPAID, OVERPAID -> true;
      case WRONG_PROVIDER_ID -> start.providerPaymentId().isEmpty();
      case WRONG_RAIL, WRONG_PAYER -> false;
    };
  }

  private static PaymentNotification notification(Payment start, Sent sent) {
    NotificationBuilder builder = aSuccessNotificationFor(start).reporting(sent.status());
    Money asked = start.amount();
    return switch (sent.flaw()) {
      case NONE -> builder.build();
      case NO_PAYER -> builder.withoutPayer().build();
      case WRONG_RAIL -> builder.fromRail(otherRail(start.rail())).build();
      case WRONG_PROVIDER_ID -> builder.withProviderId(FOREIGN_PAYMENT_ID).build();
      case WRONG_PAYER -> builder.paidBy(SOMEONE_ELSE).build();
      case WRONG_CURRENCY -> builder.paying(Money.ofMinor(asked.minorUnits(), otherCurrency(asked.currency()))).build();
      case UNDERPAID -> builder.paying(Money.ofMinor(asked.minorUnits() - 1, asked.currency())).build();
      case OVERPAID -> builder.paying(Money.ofMinor(asked.minorUnits() + 1, asked.currency())).build();
    };
  }

  @Provide
  Arbitrary<Payment> pendingPayments() {
    Arbitrary<Rail> rails = Arbitraries.of(Rail.class);
    Arbitrary<Long> askedMinorUnits = Arbitraries.longs().between(1, 10_000_000);
    Arbitrary<Long> baseCredits = Arbitraries.longs().between(1, 100_000);
    Arbitrary<Long> bonusCredits = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 10_000));
    Arbitrary<Boolean> bound = Arbitraries.of(true, false);
    return Combinators.combine(rails, askedMinorUnits, baseCredits, bonusCredits, bound)
        .as((rail, asked, base, bonus, isBound) -> {
          var builder = aPendingPayment()
              .onRail(rail)
              .costing(Money.ofMinor(asked, currencyOf(rail)))
              .granting(base, bonus);
          return (isBound ? builder : builder.unbound()).build();
        });
  }

  @Provide
  Arbitrary<List<Sent>> notificationSequences() {
    Arbitrary<ReportedStatus> statuses = Arbitraries.frequency(
        Tuple.of(3, ReportedStatus.SUCCEEDED), Tuple.of(1, ReportedStatus.CANCELED), Tuple.of(2, ReportedStatus.PENDING));
    Arbitrary<Flaw> flaws = Arbitraries.frequency(
        Tuple.of(2, Flaw.NONE), Tuple.of(1, Flaw.NO_PAYER), Tuple.of(1, Flaw.WRONG_RAIL), Tuple.of(1, Flaw.WRONG_PROVIDER_ID),
        Tuple.of(1, Flaw.WRONG_PAYER), Tuple.of(1, Flaw.WRONG_CURRENCY), Tuple.of(1, Flaw.UNDERPAID),
        Tuple.of(1, Flaw.OVERPAID));
    return Combinators.combine(statuses, flaws).as(Sent::new).list().ofMinSize(1).ofMaxSize(30);
  }

  private static Currency currencyOf(Rail rail) {
    return switch (rail) {
      case YOOKASSA -> Currency.RUB;
      case HELEKET -> Currency.USDT;
      case TELEGRAM_STARS -> Currency.XTR;
    };
  }

  private static Currency otherCurrency(Currency currency) {
    return currency.equals(Currency.RUB) ? Currency.USDT : Currency.RUB;
  }

  private static Rail otherRail(Rail rail) {
    Rail[] rails = Rail.values();
    return rails[(rail.ordinal() + 1) % rails.length];
  }
}
