package dev.rei.adapters.payments.simulated;

import static dev.rei.adapters.payments.TestCore.WELCOME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.payments.BreakerSettings;
import dev.rei.adapters.payments.BreakingGateway;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.TestCore;
import dev.rei.adapters.payments.heleket.HeleketGateway;
import dev.rei.adapters.payments.heleket.HeleketSettings;
import dev.rei.adapters.payments.heleket.HeleketWebhook;
import dev.rei.adapters.payments.webhook.IpAllowList;
import dev.rei.adapters.payments.webhook.WebhookSettings;
import dev.rei.adapters.payments.yookassa.YooKassaGateway;
import dev.rei.adapters.payments.yookassa.YooKassaSettings;
import dev.rei.adapters.payments.yookassa.YooKassaWebhook;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentGateway.Checkout;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedRailTest {

  private static final Secret API_KEY = Secret.of("sandbox-heleket-key", "HELEKET_API_KEY");
  private static final Secret SECRET_KEY = Secret.of("sandbox-yookassa-key", "YOOKASSA_SECRET_KEY");
  private static final Secret HOOK_SECRET = Secret.of("sandbox-hook-secret-01", "YOOKASSA_WEBHOOK_SECRET");
  private static final String MERCHANT = "00000000-0000-4000-8000-000000000001";

  private final TestCore given = new TestCore();
  private final WebhookMount mount = new WebhookMount();
  private final FakeHeleketServer heleket = new FakeHeleketServer(MERCHANT, API_KEY);
  private final FakeYooKassaServer yookassa = new FakeYooKassaServer("100500", SECRET_KEY);
  private final OkHttpClient browser = new OkHttpClient();

  @AfterEach
  void stop() {
    mount.close();
    heleket.close();
    yookassa.close();
  }

  private PaymentGateway heleketRail() {
    HeleketSettings settings = new HeleketSettings(MERCHANT, API_KEY, heleket.baseUrl(),
        mount.url("/webhooks/heleket"), "https://t.me/rei_bot", IpAllowList.of("127.0.0.1"), Duration.ofHours(1),
        Duration.ofSeconds(5), Duration.ofSeconds(10));
    PaymentGateway gateway = new BreakingGateway(new HeleketGateway(settings), BreakerSettings.DEFAULT);
    mount.mount("/webhooks/heleket", new HeleketWebhook(settings, WebhookSettings.DIRECT, gateway,
        given.core.payments, given.core.settle));
    return gateway;
  }

  private PaymentGateway yooKassaRail() {
    YooKassaSettings settings = new YooKassaSettings("100500", SECRET_KEY, yookassa.baseUrl(), HOOK_SECRET,
        IpAllowList.of("127.0.0.1"), "https://t.me/rei_bot", Optional.empty(), Duration.ofSeconds(5),
        Duration.ofSeconds(10));
    PaymentGateway gateway = new BreakingGateway(new YooKassaGateway(settings), BreakerSettings.DEFAULT);
    mount.mount("/webhooks/yookassa/", new YooKassaWebhook(settings, WebhookSettings.DIRECT, gateway,
        given.core.payments, given.core.settle));
    yookassa.notifyTo(mount.url("/webhooks/yookassa/" + HOOK_SECRET.reveal()));
    return gateway;
  }

  /** Creates the payment at the rail and binds the rail's id, as StartTopUp does. */
  private Checkout start(PaymentGateway gateway, Payment payment) {
    Checkout checkout = gateway.create(payment);
    given.core.db.inTransaction(() -> given.core.payments.update(given.current(payment)
        .boundTo(checkout.providerPaymentId().orElseThrow(), given.core.clock.now())));
    return checkout;
  }

  private String open(String url) throws IOException {
    try (Response response = browser.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return response.body().string();
    }
  }

  @Test
  void givenHeleketInvoice_whenThePayerPays_thenTheSignedWebhookCreditsItOnce() throws IOException {
    PaymentGateway gateway = heleketRail();
    Payment payment = given.pending(Rail.HELEKET, Money.ofMajor(5, Currency.USDT), 500, Optional.empty());

    Checkout checkout = start(gateway, payment);
    String page = open(checkout.payUrl().orElseThrow());
    assertThat(page).contains("5.00 USDT").contains("Pay");
    String receipt = open(checkout.payUrl().get() + "/confirm?status=paid");

    assertThat(receipt).contains("webhook answered 200");
    assertThat(given.available()).isEqualTo(WELCOME + 500);
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.SUCCEEDED);

    String uuid = checkout.providerPaymentId().get().value();
    assertThat(heleket.resend(uuid)).isEqualTo(200);
    assertThat(gateway.create(payment).providerPaymentId()).as("same order, same invoice")
        .isEqualTo(checkout.providerPaymentId());
    assertThat(gateway.fetch(payment).orElseThrow().status()).isEqualTo(ReportedStatus.SUCCEEDED);
    assertThat(given.available()).isEqualTo(WELCOME + 500);
    assertThat(given.core.audit()).isEmpty();
  }

  @Test
  void givenHeleketInvoice_whenThePayerPaysHalf_thenNothingCreditedAndAdminsAlerted() throws IOException {
    PaymentGateway gateway = heleketRail();
    Payment payment = given.pending(Rail.HELEKET, Money.ofMajor(5, Currency.USDT), 500, Optional.empty());

    Checkout checkout = start(gateway, payment);
    open(checkout.payUrl().orElseThrow() + "/confirm?status=wrong_amount");

    assertThat(given.available()).isEqualTo(WELCOME);
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(given.adminAlerts()).isNotEmpty();
  }

  @Test
  void givenYooKassaPayment_whenThePayerPays_thenTheNotificationCreditsItOnceAndARefundIsIdempotent()
      throws IOException {
    PaymentGateway gateway = yooKassaRail();
    Payment payment = given.pending(Rail.YOOKASSA, Money.ofMajor(100, Currency.RUB), 100, Optional.empty());

    Checkout checkout = start(gateway, payment);
    assertThat(open(checkout.payUrl().orElseThrow())).contains("100.00 RUB");
    assertThat(open(checkout.payUrl().get() + "/confirm")).contains("webhook answered 200");

    assertThat(given.available()).isEqualTo(WELCOME + 100);
    String id = checkout.providerPaymentId().get().value();
    assertThat(yookassa.notify(id)).isEqualTo(200);
    assertThat(given.available()).isEqualTo(WELCOME + 100);

    Payment paid = given.current(payment);
    gateway.refund(paid);
    gateway.refund(paid);
    assertThat(yookassa.refunds()).hasSize(1);
  }
}
