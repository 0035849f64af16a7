package dev.rei.application.service.payment;

import static dev.rei.application.service.payment.PaymentSteps.ALICE;
import static dev.rei.application.service.payment.PaymentSteps.BOB;
import static dev.rei.application.service.payment.PaymentSteps.WELCOME;
import static dev.rei.application.service.payment.PaymentSteps.canceled;
import static dev.rei.application.service.payment.PaymentSteps.paid;
import static dev.rei.application.service.payment.PaymentSteps.stillPending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.payment.CheckPaymentCommand;
import dev.rei.application.port.in.payment.CheckPaymentRefusal;
import dev.rei.application.port.in.payment.CheckPaymentResult;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.payment.SettlementRefusal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckPaymentServiceTest {

  private final InMemoryCore core = new InMemoryCore();
  private final PaymentSteps given = new PaymentSteps(core);
  private Payment payment;

  @BeforeEach
  void aliceStartsATopUp() {
    given.register(ALICE);
    given.register(BOB);
    payment = given.startedRubles(ALICE, 300);
  }

  @AfterEach
  void ledgerStaysSound() {
    assertThat(given.audit()).isEmpty();
  }

  private CheckPaymentResult check(Payment which) {
    return core.checkPayment.check(new CheckPaymentCommand(ALICE, which.id()));
  }

  private static CheckPaymentResult refused(CheckPaymentRefusal reason) {
    return new CheckPaymentResult.Refused(reason);
  }

  @Test
  void givenRailThatHasNotHeardOfThePayment_check_saysStillPending() {
    assertThat(check(payment)).isEqualTo(new CheckPaymentResult.StillPending(payment));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
  }

  @Test
  void givenRailReportingPending_check_saysStillPendingWithoutAlerting() {
    core.yookassa.report(stillPending(payment));

    assertThat(check(payment)).isEqualTo(new CheckPaymentResult.StillPending(payment));
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenPaidAtTheRail_check_settlesAndCreditsIt() {
    core.yookassa.report(paid(payment));

    CheckPaymentResult result = check(payment);

    Payment settled = given.current(payment);
    assertThat(result).isEqualTo(new CheckPaymentResult.Checked(new SettleResult.Settled(settled), settled));
    assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 300);
  }

  @Test
  void givenCanceledAtTheRail_check_cancelsIt() {
    core.yookassa.report(canceled(payment));

    CheckPaymentResult result = check(payment);

    Payment closed = given.current(payment);
    assertThat(result).isEqualTo(new CheckPaymentResult.Checked(new SettleResult.Canceled(closed), closed));
    assertThat(closed.status()).isEqualTo(PaymentStatus.CANCELED);
  }

  @Test
  void givenRailReportingAnotherAmount_check_changesNothingAndAlertsAdmins() {
    core.yookassa.report(paid(payment, Money.ofMajor(3, Currency.RUB)));

    CheckPaymentResult result = check(payment);

    assertThat(result).isEqualTo(new CheckPaymentResult.Checked(
        new SettleResult.Ignored(SettlementRefusal.AMOUNT_MISMATCH), payment));
    assertThat(given.alerts()).extracting(alert -> alert.value("reason")).containsExactly("AMOUNT_MISMATCH");
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
  }

  @Test
  void givenPaymentSettledAlready_check_answersAtOnceWithoutAskingTheRail() {
    core.settle.settle(paid(payment));
    core.yookassa.down();

    CheckPaymentResult result = check(payment);

    assertThat(result).isEqualTo(new CheckPaymentResult.AlreadyFinal(given.current(payment)));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 300);
  }

  @Test
  void givenPressedTwice_check_creditsOnce() {
    core.yookassa.report(paid(payment));

    check(payment);
    CheckPaymentResult again = check(payment);

    assertThat(again).isInstanceOf(CheckPaymentResult.AlreadyFinal.class);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 300);
  }

  @Test
  void givenSomeoneElsesPayment_check_isRefusedAndAsksNothing() {
    core.yookassa.report(paid(payment));

    assertThat(core.checkPayment.check(new CheckPaymentCommand(BOB, payment.id())))
        .isEqualTo(refused(CheckPaymentRefusal.NOT_YOURS));
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void givenUnknownPaymentId_check_isRefused() {
    assertThat(core.checkPayment.check(new CheckPaymentCommand(ALICE, PaymentId.of(core.ids.newId()))))
        .isEqualTo(refused(CheckPaymentRefusal.UNKNOWN_PAYMENT));
  }

  @Test
  void givenRailDown_check_isRefusedAndChangesNothing() {
    core.yookassa.report(paid(payment));
    core.yookassa.down();

    assertThat(check(payment)).isEqualTo(refused(CheckPaymentRefusal.RAIL_UNAVAILABLE));
    assertThat(given.current(payment)).isEqualTo(payment);
  }

  @Test
  void givenRailNoLongerConfigured_check_isRefusedAsUnavailable() {
    Payment heleket = Payment.start(PaymentId.of(core.ids.newId()), Rail.HELEKET, ALICE,
        Money.ofMajor(10, Currency.USDT), new CreditGrant(Credits.of(900), Credits.ZERO), core.clock.now());
    core.payments.insert(heleket);

    assertThat(check(heleket)).isEqualTo(refused(CheckPaymentRefusal.RAIL_UNAVAILABLE));
  }

  @Test
  void givenRailToAsk_check_asksItWithNoTransactionOpen() {
    PaymentGateway watching = new PaymentGateway() {
      @Override
      public Rail rail() {
        return Rail.YOOKASSA;
      }

      @Override
      public Checkout create(Payment p) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<PaymentNotification> fetch(Payment p) {
        given.assertNoTransactionOpen();
        return Optional.of(paid(p));
      }

      @Override
      public void refund(Payment p) {
        throw new UnsupportedOperationException();
      }
    };
    CheckPaymentService check = new CheckPaymentService(core.payments, new PaymentGateways(List.of(watching)),
        core.settle);

    assertThat(check.check(new CheckPaymentCommand(ALICE, payment.id())))
        .isInstanceOf(CheckPaymentResult.Checked.class);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 300);
  }
}
