package dev.rei.adapters.telegram.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.api.TelegramEndpoint;
import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.inbox.PreCheckout;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.payment.RefundPaymentCommand;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.in.payment.TopUpStartRefusal;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.service.payment.PaymentGateways;
import dev.rei.application.service.payment.RefundPaymentService;
import dev.rei.application.service.payment.StartTopUpService;
import dev.rei.domain.fixtures.PricingFixtures;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Stars gateway against the fake Bot API, with the core's top-up, settle and refund
 * services wired over it: invoice, pre-checkout, successful_payment (twice), refund.
 */
class StarsGatewayTest {

  private static final UserId ALICE = UserId.of(1001);

  private final FakeBotApi api = new FakeBotApi();
  private final InMemoryCore core = new InMemoryCore(dev.rei.domain.limits.OrderLimits.DEFAULT, Credits.ZERO);
  private TelegramConnection connection;
  private StarsGateway gateway;
  private StartTopUpService startTopUp;
  private RefundPaymentService refunds;

  @BeforeEach
  void setUp() {
    connection = TelegramConnection.open(FakeBotApi.TOKEN, TelegramEndpoint.parse(api.url()), BotHarness.FAST);
    gateway = new StarsGateway(connection, core.db, core.users);
    PaymentGateways gateways = new PaymentGateways(List.of(gateway));
    startTopUp = new StartTopUpService(core.db, core.users, core.payments, gateways,
        PricingFixtures.sampleTopUpCatalog(), core.clock, core.ids);
    refunds = new RefundPaymentService(core.db, core.payments, core.ledger, gateways, core.auditLog, core.notifier,
        core.admins, core.clock, core.ids);
    core.register.register(new RegisterUserCommand(ALICE, Language.RU));
  }

  @AfterEach
  void tearDown() throws Exception {
    connection.close();
    api.close();
  }

  @Test
  void givenStarsPackage_whenTopUpStarted_thenInvoiceInXtrWithPaymentIdAsPayload() {
    Payment payment = started(new TopUpChoice.Package("stars-250"));

    FakeBotApi.Call invoice = api.calls("sendinvoice").get(0);
    assertThat(invoice.chatId()).isEqualTo(ALICE.value());
    assertThat(invoice.fields()).containsEntry("currency", "XTR").containsEntry("provider_token", "")
        .containsEntry("payload", payment.id().toString());
    assertThat(String.valueOf(invoice.fields().get("title"))).hasSizeLessThanOrEqualTo(32).contains("275 кредитов");
    assertThat(String.valueOf(invoice.fields().get("description"))).contains("250 кредитов").contains("бонус 25");
    assertThat(invoice.fields().get("prices")).isEqualTo(List.of(Map.of("label", "Кредиты", "amount", 250)));
    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(payment.providerPaymentId()).isEmpty();
    assertThat(gateway.fetch(payment)).isEmpty();
  }

  @Test
  void givenBotApiFailing_whenTopUpStarted_thenRailUnavailableAndPaymentCanceled() {
    api.failNext("sendInvoice", 502, "Bad Gateway", null);

    TopUpStart start = startTopUp.startTopUp(new StartTopUpCommand(ALICE, dev.rei.domain.payment.Rail.TELEGRAM_STARS,
        new TopUpChoice.Package("stars-100")));

    assertThat(start).isEqualTo(new TopUpStart.Refused(TopUpStartRefusal.RAIL_UNAVAILABLE));
    assertThat(core.payments.latestOf(ALICE, 1).get(0).status()).isEqualTo(PaymentStatus.CANCELED);
  }

  @Test
  void givenAcceptedCheckout_whenSuccessfulPaymentArrivesTwice_thenCreditedOnce() {
    Payment payment = started(new TopUpChoice.Package("stars-100"));
    StarsPreCheckout preCheckout = new StarsPreCheckout(core.db, core.payments, core.users);
    assertThat(preCheckout.answer(new PreCheckout("q1", ALICE.value(), "XTR", 100, payment.id().toString(), "ru"))
        .ok()).isTrue();
    StarsPaid paid = new StarsPaid(ALICE.value(), "XTR", 100, payment.id().toString(), "stxCharge1");

    SettleResult first = core.settle.settle(paid.toNotification().orElseThrow());
    SettleResult second = core.settle.settle(paid.toNotification().orElseThrow());

    assertThat(first).isInstanceOf(SettleResult.Settled.class);
    assertThat(second).isInstanceOf(SettleResult.Ignored.class);
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.of(110));
    assertThat(core.payments.find(payment.id()).orElseThrow().providerPaymentId().orElseThrow().value())
        .isEqualTo("stxCharge1");
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenPaidPayment_whenAdminRefunds_thenRefundStarPaymentAndCreditsTakenBack() {
    Payment payment = paid("stars-100", "stxCharge2");

    AdminResult result = refunds.refund(new RefundPaymentCommand(InMemoryCore.ADMIN, payment.id(), "user asked"));

    assertThat(result).isInstanceOf(AdminResult.Done.class);
    FakeBotApi.Call refund = api.calls("refundstarpayment").get(0);
    assertThat(String.valueOf(refund.fields().get("user_id"))).isEqualTo("1001");
    assertThat(refund.fields()).containsEntry("telegram_payment_charge_id", "stxCharge2");
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.ZERO);
    assertThat(core.payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void givenCreditsAlreadySpent_whenAdminRefunds_thenRefusedAndTelegramNotAsked() {
    Payment payment = paid("stars-100", "stxCharge3");
    core.adjust.adjust(new dev.rei.application.port.in.admin.AdjustBalanceCommand(InMemoryCore.ADMIN, ALICE, -50,
        "spent", dev.rei.domain.ledger.IdempotencyKey.of("test", "spend")));

    AdminResult result = refunds.refund(new RefundPaymentCommand(InMemoryCore.ADMIN, payment.id(), "user asked"));

    assertThat(result).isEqualTo(new AdminResult.Refused(AdminRefusal.INSUFFICIENT_FUNDS));
    assertThat(api.calls("refundstarpayment")).isEmpty();
  }

  @Test
  void givenChargeAlreadyRefundedAtTelegram_whenRefunded_thenTreatedAsDone() {
    Payment payment = paid("stars-100", "stxCharge4");
    api.failNext("refundStarPayment", 400, "Bad Request: CHARGE_ALREADY_REFUNDED", null);

    gateway.refund(core.payments.find(payment.id()).orElseThrow());

    assertThat(api.calls("refundstarpayment")).hasSize(1);
  }

  @Test
  void givenTelegramRefusesOrIsDown_whenRefunded_thenRefusalWithReasonOrUnavailable() {
    Payment payment = core.payments.find(paid("stars-100", "stxCharge5").id()).orElseThrow();

    api.failNext("refundStarPayment", 400, "Bad Request: CHARGE_NOT_FOUND", null);
    assertThatThrownBy(() -> gateway.refund(payment)).isInstanceOf(StarsRefundRefusedException.class)
        .hasMessageContaining("CHARGE_NOT_FOUND");

    api.failNext("refundStarPayment", 500, "Internal Server Error", null);
    assertThatThrownBy(() -> gateway.refund(payment)).isInstanceOf(PaymentGateway.GatewayUnavailableException.class);
  }

  private Payment started(TopUpChoice choice) {
    TopUpStart start = startTopUp.startTopUp(new StartTopUpCommand(ALICE, dev.rei.domain.payment.Rail.TELEGRAM_STARS,
        choice));
    assertThat(start).isInstanceOf(TopUpStart.Started.class);
    TopUpStart.Started started = (TopUpStart.Started) start;
    assertThat(started.checkout()).isEqualTo(new PaymentGateway.Checkout(java.util.Optional.empty(),
        java.util.Optional.empty()));
    return started.payment();
  }

  private Payment paid(String packageCode, String chargeId) {
    Payment payment = started(new TopUpChoice.Package(packageCode));
    core.settle.settle(new StarsPaid(ALICE.value(), "XTR", payment.amount().minorUnits(), payment.id().toString(),
        chargeId).toNotification().orElseThrow());
    return payment;
  }
}
