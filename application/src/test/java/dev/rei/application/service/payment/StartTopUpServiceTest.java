package dev.rei.application.service.payment;

import static dev.rei.application.service.payment.PaymentSteps.ALICE;
import static dev.rei.application.service.payment.PaymentSteps.paid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.FakePaymentGateway;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.in.payment.TopUpStartRefusal;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.PaymentGateway.Checkout;
import dev.rei.domain.fixtures.PricingFixtures;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.pricing.CustomAmountRule;
import dev.rei.domain.pricing.TopUpCatalog;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartTopUpServiceTest {

  private final InMemoryCore core = new InMemoryCore();
  private final PaymentSteps given = new PaymentSteps(core);

  @BeforeEach
  void registerAlice() {
    given.register(ALICE);
  }

  @AfterEach
  void ledgerStaysSound() {
    assertThat(given.audit()).isEmpty();
  }

  private TopUpStart start(UserId user, Rail rail, TopUpChoice choice) {
    return core.startTopUp.startTopUp(new StartTopUpCommand(user, rail, choice));
  }

  private static TopUpStart refused(TopUpStartRefusal reason) {
    return new TopUpStart.Refused(reason);
  }

  @Test
  void givenPackage_startTopUp_recordsAPendingPaymentBoundToTheRailWithItsPayLink() {
    TopUpStart start = start(ALICE, Rail.YOOKASSA, new TopUpChoice.Package("rub-200"));

    Payment payment = ((TopUpStart.Started) start).payment();
    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(payment.userId()).isEqualTo(ALICE);
    assertThat(payment.amount()).isEqualTo(Money.ofMajor(200, Currency.RUB));
    assertThat(payment.credits().total()).isEqualTo(Credits.of(200));
    assertThat(payment.providerPaymentId()).contains(FakePaymentGateway.providerIdOf(payment));
    assertThat(((TopUpStart.Started) start).checkout().payUrl()).contains("https://pay.test/" + payment.id());
    assertThat(core.payments.find(payment.id())).contains(payment);
    assertThat(core.yookassa.created()).extracting(Payment::id).containsExactly(payment.id());
  }

  @Test
  void givenCustomStarsAmount_startTopUp_pricesTheCreditsAndLeavesTheRailIdUnboundUntilPaid() {
    // Telegram sends the invoice itself and names the charge only once it is paid.
    core.stars.onCreate(payment -> new Checkout(Optional.empty(), Optional.empty()));

    TopUpStart start = start(ALICE, Rail.TELEGRAM_STARS, new TopUpChoice.Custom(Credits.of(42)));

    Payment payment = ((TopUpStart.Started) start).payment();
    assertThat(payment.amount()).isEqualTo(Money.ofMajor(42, Currency.XTR));
    assertThat(payment.credits().total()).isEqualTo(Credits.of(42));
    assertThat(payment.providerPaymentId()).isEmpty();
    assertThat(given.current(payment)).isEqualTo(payment);
  }

  @Test
  void givenStarsPackage_startTopUp_grantsItsBonusToo() {
    Payment payment = given.started(ALICE, Rail.TELEGRAM_STARS, "stars-100");

    assertThat(payment.credits().base()).isEqualTo(Credits.of(100));
    assertThat(payment.credits().bonus()).isEqualTo(Credits.of(10));
  }

  @Test
  void givenUnknownUser_startTopUp_isRefusedAndRecordsNothing() {
    assertThat(start(UserId.of(5), Rail.YOOKASSA, new TopUpChoice.Package("rub-100")))
        .isEqualTo(refused(TopUpStartRefusal.UNKNOWN_USER));
    assertThat(core.payments.latestOf(UserId.of(5), 10)).isEmpty();
    assertThat(core.yookassa.created()).isEmpty();
  }

  @Test
  void givenBannedUser_startTopUp_isRefusedAndAsksTheRailNothing() {
    core.db.inTransaction(() -> {
      User alice = core.users.lock(ALICE).orElseThrow();
      core.users.update(alice.ban(core.clock.now()));
    });

    assertThat(start(ALICE, Rail.YOOKASSA, new TopUpChoice.Package("rub-100")))
        .isEqualTo(refused(TopUpStartRefusal.BANNED));
    assertThat(core.payments.latestOf(ALICE, 10)).isEmpty();
    assertThat(core.yookassa.created()).isEmpty();
  }

  @Test
  void givenChoicesTheCatalogDoesNotOffer_startTopUp_refusesWithTheCatalogsReason() {
    assertThat(start(ALICE, Rail.YOOKASSA, new TopUpChoice.Package("rub-999")))
        .isEqualTo(refused(TopUpStartRefusal.UNKNOWN_PACKAGE));
    assertThat(start(ALICE, Rail.TELEGRAM_STARS, new TopUpChoice.Package("rub-100")))
        .isEqualTo(refused(TopUpStartRefusal.UNKNOWN_PACKAGE));
    assertThat(start(ALICE, Rail.YOOKASSA, new TopUpChoice.Custom(Credits.of(150))))
        .isEqualTo(refused(TopUpStartRefusal.CUSTOM_AMOUNT_NOT_OFFERED));
    assertThat(start(ALICE, Rail.TELEGRAM_STARS, new TopUpChoice.Custom(Credits.of(10_001))))
        .isEqualTo(refused(TopUpStartRefusal.ABOVE_MAXIMUM));
    assertThat(core.payments.latestOf(ALICE, 10)).isEmpty();
  }

  @Test
  void givenCustomAmountBelowTheMinimum_startTopUp_isRefused() {
    TopUpCatalog catalog = new TopUpCatalog(PricingFixtures.starsPackages(), List.of(
        new CustomAmountRule(Rail.TELEGRAM_STARS, Money.ofMajor(1, Currency.XTR), Credits.of(50), Credits.of(100))));
    StartTopUpService startTopUp = new StartTopUpService(core.db, core.users, core.payments,
        new PaymentGateways(List.of(core.stars)), catalog, core.clock, core.ids);

    assertThat(startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.TELEGRAM_STARS,
        new TopUpChoice.Custom(Credits.of(49))))).isEqualTo(refused(TopUpStartRefusal.BELOW_MINIMUM));
    assertThat(startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.TELEGRAM_STARS,
        new TopUpChoice.Custom(Credits.of(50))))).isInstanceOf(TopUpStart.Started.class);
  }

  @Test
  void givenRailWithoutGateway_startTopUp_isRefusedAsNotOffered() {
    assertThat(start(ALICE, Rail.HELEKET, new TopUpChoice.Package("usdt-10")))
        .isEqualTo(refused(TopUpStartRefusal.RAIL_NOT_OFFERED));
    assertThat(core.payments.latestOf(ALICE, 10)).isEmpty();
  }

  @Test
  void givenRailDown_startTopUp_isRefusedAndLeavesOnlyACanceledPayment() {
    core.yookassa.down();

    assertThat(start(ALICE, Rail.YOOKASSA, new TopUpChoice.Package("rub-100")))
        .isEqualTo(refused(TopUpStartRefusal.RAIL_UNAVAILABLE));
    assertThat(core.payments.latestOf(ALICE, 10)).singleElement().satisfies(payment -> {
      assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELED);
      assertThat(payment.providerPaymentId()).isEmpty();
    });
    assertThat(given.noticesTo(ALICE)).doesNotContain(Notice.Type.PAYMENT_CANCELED);
  }

  @Test
  void givenRailThatAnswersAfterRecording_startTopUp_callsItWithNoTransactionOpen() {
    core.yookassa.onCreate(payment -> {
      given.assertNoTransactionOpen();
      // The payment is committed before the rail hears of it, so a webhook can always find it.
      assertThat(core.payments.find(payment.id())).contains(payment);
      return new Checkout(Optional.of(FakePaymentGateway.providerIdOf(payment)), Optional.of("https://pay.test/x"));
    });

    assertThat(start(ALICE, Rail.YOOKASSA, new TopUpChoice.Package("rub-100"))).isInstanceOf(TopUpStart.Started.class);
  }

  @Test
  void givenWebhookArrivingBeforeTheRailAnswers_startTopUp_returnsTheSettledPaymentAndBindsNothingTwice() {
    core.yookassa.onCreate(payment -> {
      core.settle.settle(paid(payment));
      return new Checkout(Optional.of(FakePaymentGateway.providerIdOf(payment)), Optional.of("https://pay.test/x"));
    });

    Payment payment = ((TopUpStart.Started) start(ALICE, Rail.YOOKASSA, new TopUpChoice.Package("rub-100"))).payment();

    assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(given.current(payment)).isEqualTo(payment);
    assertThat(given.available(ALICE)).isEqualTo(PaymentSteps.WELCOME + 100);
    assertThat(given.audit()).isEmpty();
  }

  @Test
  void givenTwoRails_startTopUp_asksOnlyTheChosenOne() {
    given.started(ALICE, Rail.TELEGRAM_STARS, "stars-250");

    assertThat(core.stars.created()).hasSize(1);
    assertThat(core.yookassa.created()).isEmpty();
  }
}
