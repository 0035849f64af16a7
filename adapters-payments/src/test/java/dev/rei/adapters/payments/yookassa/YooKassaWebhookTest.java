package dev.rei.adapters.payments.yookassa;

import static dev.rei.adapters.payments.TestCore.WELCOME;
import static dev.rei.adapters.payments.TestCore.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.payments.CapturedLogs;
import dev.rei.adapters.payments.DownPaymentStore;
import dev.rei.adapters.payments.RailStub;
import dev.rei.adapters.payments.Resources;
import dev.rei.adapters.payments.TestCore;
import dev.rei.adapters.payments.webhook.IpAllowList;
import dev.rei.adapters.payments.webhook.WebhookRequest;
import dev.rei.adapters.payments.webhook.WebhookResponse;
import dev.rei.adapters.payments.webhook.WebhookSettings;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class YooKassaWebhookTest {

  private static final String RAIL_ID = YooKassaGatewayTest.RAIL_ID;
  private static final String PATH = "/webhooks/yookassa/hook-secret-0123456789";
  private static final InetAddress YOOKASSA_IP = ip("185.71.76.5");

  private final TestCore given = new TestCore();
  private final RailStub yookassa = new RailStub();
  private final YooKassaSettings settings = YooKassaGatewayTest.settings(yookassa.server);
  private final YooKassaGateway gateway = new YooKassaGateway(settings);
  private final YooKassaWebhook webhook = webhook(WebhookSettings.DIRECT, given.core.payments);
  private final Payment payment = given.pending(Rail.YOOKASSA, Money.ofMajor(100, Currency.RUB), 100,
      Optional.of(new ProviderPaymentId(RAIL_ID)));

  @AfterEach
  void stop() throws IOException {
    yookassa.close();
  }

  private YooKassaWebhook webhook(WebhookSettings proxies, PaymentStore store) {
    return new YooKassaWebhook(settings, proxies, gateway, store, given.core.settle);
  }

  private void yooKassaSays(String status, String value, String currency) {
    yookassa.answer("GET", "/v3/payments/" + RAIL_ID,
        YooKassaGatewayTest.paymentJson(RAIL_ID, payment, status, value, currency));
  }

  private static WebhookRequest notification(String event, String id, InetAddress from) {
    return request(PATH, Resources.template("yookassa/notification.json", "EVENT", event, "ID", id, "PAYMENT_ID",
        "5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f"), from, Map.of());
  }

  private static WebhookRequest request(String path, String body, InetAddress from, Map<String, List<String>> headers) {
    return new WebhookRequest(path, headers, body.getBytes(StandardCharsets.UTF_8), from);
  }

  private WebhookResponse deliver(String event) {
    return webhook.handle(notification(event, RAIL_ID, YOOKASSA_IP));
  }

  @Test
  void givenSucceededAtYooKassa_whenNotified_thenCreditedFromTheReReadNotFromTheBody() {
    yooKassaSays("succeeded", "100.00", "RUB");

    WebhookResponse response = deliver("payment.succeeded");

    assertThat(response.status()).isEqualTo(200);
    // The body claimed 100000.00 ₽; the credits are the package's, from YooKassa's own answer.
    assertThat(given.available()).isEqualTo(WELCOME + 100);
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(yookassa.requests()).isEqualTo(1);
  }

  @Test
  void givenRepeatedAndConcurrentNotifications_whenDelivered_thenCreditedOnce() throws Exception {
    yooKassaSays("succeeded", "100.00", "RUB");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<WebhookResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        calls.add(() -> deliver("payment.succeeded"));
      }
      for (Future<WebhookResponse> result : pool.invokeAll(calls)) {
        assertThat(result.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(given.available()).isEqualTo(WELCOME + 100);
    assertThat(given.adminAlerts()).isEmpty();
    assertThat(given.core.audit()).isEmpty();
  }

  @Test
  void givenWrongSecretPath_whenNotified_thenNotFoundNothingReadNothingCreditedAndSecretNotLogged() {
    yooKassaSays("succeeded", "100.00", "RUB");
    try (CapturedLogs logs = new CapturedLogs()) {
      WebhookResponse response = webhook.handle(request("/webhooks/yookassa/hook-secret-0123456788",
          Resources.template("yookassa/notification.json", "EVENT", "payment.succeeded", "ID", RAIL_ID), YOOKASSA_IP,
          Map.of()));

      assertThat(response.status()).isEqualTo(404);
      assertThat(logs.all()).contains("wrong secret path").doesNotContain("hook-secret");
    }
    assertThat(webhook.handle(request("/webhooks/yookassa/", "{}", YOOKASSA_IP, Map.of())).status()).isEqualTo(404);
    assertThat(yookassa.requests()).isZero();
    assertThat(given.available()).isEqualTo(WELCOME);
  }

  @Test
  void givenSenderOutsideYooKassasRanges_whenNotified_thenForbiddenAndNothingCredited() {
    yooKassaSays("succeeded", "100.00", "RUB");
    try (CapturedLogs logs = new CapturedLogs()) {
      WebhookResponse response = webhook.handle(notification("payment.succeeded", RAIL_ID, ip("203.0.113.9")));

      assertThat(response.status()).isEqualTo(403);
      assertThat(logs.all()).contains("203.0.113.9 is not in YOOKASSA_ALLOWED_IPS");
    }
    // A forged X-Forwarded-For from a direct sender changes nothing.
    assertThat(webhook.handle(request(PATH, "{}", ip("203.0.113.9"), Map.of("X-Forwarded-For",
        List.of("185.71.76.5")))).status()).isEqualTo(403);
    assertThat(yookassa.requests()).isZero();
    assertThat(given.available()).isEqualTo(WELCOME);
  }

  @Test
  void givenOurTrustedProxy_whenItForwardsYooKassa_thenTheForwardedAddressIsChecked() {
    yooKassaSays("succeeded", "100.00", "RUB");
    YooKassaWebhook behindProxy = webhook(new WebhookSettings(IpAllowList.of("10.0.0.0/8"),
        Optional.of("X-Forwarded-For")), given.core.payments);
    String body = Resources.template("yookassa/notification.json", "EVENT", "payment.succeeded", "ID", RAIL_ID);

    assertThat(behindProxy.handle(request(PATH, body, ip("10.0.0.2"), Map.of("X-Forwarded-For",
        List.of("185.71.76.5", "203.0.113.9")))).status()).isEqualTo(403);
    assertThat(behindProxy.handle(request(PATH, body, ip("10.0.0.2"), Map.of("X-Forwarded-For",
        List.of("203.0.113.9, 185.71.76.5")))).status()).isEqualTo(200);
    assertThat(given.available()).isEqualTo(WELCOME + 100);
  }

  @Test
  void givenNotificationForAPaymentOfNoOne_whenNotified_thenOkSoYooKassaStopsAndNothingCredited() {
    try (CapturedLogs logs = new CapturedLogs()) {
      WebhookResponse response = webhook.handle(notification("payment.succeeded", "22e12f66-000f-5000-8000-18db351245c7",
          YOOKASSA_IP));

      assertThat(response.status()).isEqualTo(200);
      assertThat(logs.all()).contains("no payment of ours");
    }
    assertThat(yookassa.requests()).isZero();
    assertThat(given.available()).isEqualTo(WELCOME);
  }

  @Test
  void givenYooKassaDoesNotKnowThePayment_whenNotified_thenOkAndNothingCredited() {
    assertThat(deliver("payment.succeeded").status()).isEqualTo(200);
    assertThat(given.available()).isEqualTo(WELCOME);
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void givenYooKassaDownOnReRead_whenNotified_thenServiceUnavailableUntilItAnswers() {
    yookassa.answer("GET", "/v3/payments/" + RAIL_ID, YooKassaGatewayTest.error(500, "internal_server_error"));

    assertThat(deliver("payment.succeeded").status()).isEqualTo(503);
    assertThat(given.available()).isEqualTo(WELCOME);

    yooKassaSays("succeeded", "100.00", "RUB");
    assertThat(deliver("payment.succeeded").status()).isEqualTo(200);
    assertThat(given.available()).isEqualTo(WELCOME + 100);
  }

  @Test
  void givenOurStoreDown_whenNotified_thenServiceUnavailable() {
    yooKassaSays("succeeded", "100.00", "RUB");

    assertThat(webhook(WebhookSettings.DIRECT, new DownPaymentStore()).handle(notification("payment.succeeded",
        RAIL_ID, YOOKASSA_IP)).status()).isEqualTo(503);
  }

  @Test
  void givenAmountOrCurrencyMismatchAtYooKassa_whenNotified_thenNothingCreditedAndAdminsAlerted() {
    yooKassaSays("succeeded", "50.00", "RUB");
    assertThat(deliver("payment.succeeded").status()).isEqualTo(200);
    yooKassaSays("succeeded", "100.00", "USD");
    assertThat(deliver("payment.succeeded").status()).isEqualTo(200);

    assertThat(given.available()).isEqualTo(WELCOME);
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(given.adminAlerts()).extracting(m -> m.notice().values().get("reason"))
        .contains("AMOUNT_MISMATCH");
  }

  @Test
  void givenCanceledAfterSucceeded_whenNotified_thenRefusedAndTheCreditStandsOnce() {
    yooKassaSays("succeeded", "100.00", "RUB");
    deliver("payment.succeeded");
    yooKassaSays("canceled", "100.00", "RUB");

    try (CapturedLogs logs = new CapturedLogs()) {
      assertThat(deliver("payment.canceled").status()).isEqualTo(200);
      assertThat(logs.all()).contains("CANCELED_AFTER_SUCCESS");
    }
    assertThat(given.available()).isEqualTo(WELCOME + 100);
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(given.adminAlerts()).extracting(m -> m.notice().values().get("reason"))
        .containsExactly("CANCELED_AFTER_SUCCESS");
  }

  @Test
  void givenCanceledAtYooKassa_whenNotified_thenThePaymentIsCanceledAndNothingCredited() {
    yooKassaSays("canceled", "100.00", "RUB");

    assertThat(deliver("payment.canceled").status()).isEqualTo(200);

    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(given.available()).isEqualTo(WELCOME);
  }

  @Test
  void givenStillPendingAtYooKassa_whenNotified_thenNothingChanges() {
    yooKassaSays("pending", "100.00", "RUB");

    assertThat(deliver("payment.succeeded").status()).isEqualTo(200);

    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void givenMalformedOversizedOrOtherEvents_whenNotified_thenRefusedOrIgnoredWithoutReadingYooKassa() {
    assertThat(webhook.handle(request(PATH, "not json", YOOKASSA_IP, Map.of())).status()).isEqualTo(400);
    assertThat(webhook.handle(request(PATH, "[1,2]", YOOKASSA_IP, Map.of())).status()).isEqualTo(400);
    assertThat(webhook.handle(request(PATH, "{\"event\":\"payment.succeeded\",\"object\":{\"id\":\"../../x\"}}",
        YOOKASSA_IP, Map.of())).status()).isEqualTo(400);
    assertThat(webhook.handle(new WebhookRequest(PATH, Map.of(), new byte[WebhookRequest.MAX_BODY_BYTES + 1],
        YOOKASSA_IP)).status()).isEqualTo(413);
    assertThat(webhook.handle(notification("refund.succeeded", RAIL_ID, YOOKASSA_IP)).status()).isEqualTo(200);

    assertThat(yookassa.requests()).isZero();
    assertThat(given.available()).isEqualTo(WELCOME);
  }
}
