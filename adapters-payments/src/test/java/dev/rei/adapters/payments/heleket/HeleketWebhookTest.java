package dev.rei.adapters.payments.heleket;

import static dev.rei.adapters.payments.TestCore.WELCOME;
import static dev.rei.adapters.payments.TestCore.ip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.adapters.payments.CapturedLogs;
import dev.rei.adapters.payments.DownPaymentStore;
import dev.rei.adapters.payments.RailStub;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.TestCore;
import dev.rei.adapters.payments.webhook.WebhookRequest;
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

class HeleketWebhookTest {

  private static final InetAddress HELEKET_IP = ip("31.133.220.8");
  private static final String INFO = "/v1/payment/info";

  private final ObjectMapper json = new ObjectMapper();
  private final TestCore given = new TestCore();
  private final RailStub heleket = new RailStub();
  private final HeleketSettings settings = HeleketGatewayTest.settings(heleket.baseUrl());
  private final HeleketGateway gateway = new HeleketGateway(settings);
  private final HeleketWebhook webhook = webhook(given.core.payments);
  private final Payment payment = given.pending(Rail.HELEKET, Money.ofMajor(5, Currency.USDT), 500,
      Optional.of(new ProviderPaymentId(HeleketGatewayTest.UUID)));

  @AfterEach
  void stop() throws IOException {
    heleket.close();
  }

  private HeleketWebhook webhook(PaymentStore store) {
    return new HeleketWebhook(settings, WebhookSettings.DIRECT, gateway, store, given.core.settle);
  }

  private void heleketSays(MockResponse info) {
    heleket.answer("POST", INFO, info);
  }

  private byte[] signed(String status, String orderId, Secret key) {
    ObjectNode fields = json.createObjectNode();
    fields.put("type", "payment");
    fields.put("uuid", HeleketGatewayTest.UUID);
    fields.put("order_id", orderId);
    fields.put("amount", "5.00");
    fields.put("payment_amount", "500.00");
    fields.put("is_final", true);
    fields.put("status", status);
    fields.put("currency", "USDT");
    fields.put("url", "https://pay.heleket.com/pay/x");
    return HeleketSigner.signedWebhookBody(fields, key);
  }

  private int deliver(String status) {
    return deliver(signed(status, payment.id().toString(), HeleketGatewayTest.API_KEY), HELEKET_IP);
  }

  private int deliver(byte[] body, InetAddress from) {
    return webhook.handle(new WebhookRequest("/webhooks/heleket", Map.of("Content-Type", List.of("application/json")),
        body, from)).status();
  }

  @Test
  void givenPaid_whenNotified_thenCreditedFromTheReRead() {
    heleketSays(HeleketGatewayTest.invoice(payment, "paid"));

    assertThat(deliver("paid")).isEqualTo(200);

    assertThat(given.available()).isEqualTo(WELCOME + 500);
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void givenPaidOver_whenNotified_thenThePackageIsCreditedNeverMore() {
    heleketSays(HeleketGatewayTest.invoice(payment, "paid_over", "5.00", "USDT", "9.00", "5.00", "USDT"));

    assertThat(deliver("paid_over")).isEqualTo(200);

    assertThat(given.available()).isEqualTo(WELCOME + 500);
  }

  @Test
  void givenWrongAmount_whenNotified_thenNothingCreditedAndAdminsAlerted() {
    heleketSays(HeleketGatewayTest.invoice(payment, "wrong_amount", "5.00", "USDT", "2.00", "5.00", "USDT"));

    assertThat(deliver("wrong_amount")).isEqualTo(200);

    assertThat(given.available()).isEqualTo(WELCOME);
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(given.adminAlerts()).extracting(m -> m.notice().values().get("reason")).contains("AMOUNT_MISMATCH");
  }

  @Test
  void givenCurrencyMismatchAtHeleket_whenNotified_thenNothingCreditedAndAdminsAlerted() {
    heleketSays(HeleketGatewayTest.invoice(payment, "paid", "5.00", "USD", "5.00", "5.00", "USDT"));

    assertThat(deliver("paid")).isEqualTo(200);

    assertThat(given.available()).isEqualTo(WELCOME);
    assertThat(given.adminAlerts()).extracting(m -> m.notice().values().get("reason")).contains("CURRENCY_MISMATCH");
  }

  @Test
  void givenCancelFailOrSystemFail_whenNotified_thenCanceledAndNothingCredited() {
    for (String status : new String[] {"cancel", "fail", "system_fail"}) {
      TestCore fresh = new TestCore();
      Payment own = fresh.pending(Rail.HELEKET, Money.ofMajor(5, Currency.USDT), 500, Optional.empty());
      HeleketWebhook hook = new HeleketWebhook(settings, WebhookSettings.DIRECT, gateway, fresh.core.payments,
          fresh.core.settle);
      heleketSays(HeleketGatewayTest.invoice(own, status));

      assertThat(hook.handle(new WebhookRequest("/webhooks/heleket", Map.of(),
          signed(status, own.id().toString(), HeleketGatewayTest.API_KEY), HELEKET_IP)).status()).isEqualTo(200);

      assertThat(fresh.current(own).status()).as(status).isEqualTo(PaymentStatus.CANCELED);
      assertThat(fresh.available()).isEqualTo(WELCOME);
    }
  }

  @Test
  void givenReplaysAndConcurrentDuplicates_whenNotified_thenCreditedOnce() throws Exception {
    heleketSays(HeleketGatewayTest.invoice(payment, "paid"));
    byte[] body = signed("paid", payment.id().toString(), HeleketGatewayTest.API_KEY);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        calls.add(() -> deliver(body, HELEKET_IP));
      }
      for (Future<Integer> status : pool.invokeAll(calls)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(deliver(body, HELEKET_IP)).isEqualTo(200);

    assertThat(given.available()).isEqualTo(WELCOME + 500);
    assertThat(given.core.audit()).isEmpty();
  }

  @Test
  void givenBadSignatureOrOtherKeyOrUnsignedBody_whenNotified_thenUnauthorizedAndNothingRead() {
    heleketSays(HeleketGatewayTest.invoice(payment, "paid"));
    byte[] tampered = new String(signed("paid", payment.id().toString(), HeleketGatewayTest.API_KEY),
        StandardCharsets.UTF_8).replace("\"amount\":\"5.00\"", "\"amount\":\"0.01\"").getBytes(StandardCharsets.UTF_8);

    try (CapturedLogs logs = new CapturedLogs()) {
      assertThat(deliver(tampered, HELEKET_IP)).isEqualTo(401);
      assertThat(logs.all()).contains("wrong signature").doesNotContain("test-api-key");
    }
    assertThat(deliver(signed("paid", payment.id().toString(), Secret.of("guessed-key", "k")), HELEKET_IP))
        .isEqualTo(401);
    assertThat(deliver("{\"status\":\"paid\"}".getBytes(StandardCharsets.UTF_8), HELEKET_IP)).isEqualTo(401);
    assertThat(heleket.requests()).isZero();
    assertThat(given.available()).isEqualTo(WELCOME);
  }

  @Test
  void givenSenderNotHeleket_whenNotified_thenForbiddenEvenWithAValidSignature() {
    heleketSays(HeleketGatewayTest.invoice(payment, "paid"));

    try (CapturedLogs logs = new CapturedLogs()) {
      assertThat(deliver(signed("paid", payment.id().toString(), HeleketGatewayTest.API_KEY), ip("198.51.100.4")))
          .isEqualTo(403);
      assertThat(logs.all()).contains("198.51.100.4 is not in HELEKET_ALLOWED_IPS");
    }
    assertThat(given.available()).isEqualTo(WELCOME);
  }

  @Test
  void givenUnknownOrForeignOrder_whenNotified_thenOkAndNothingCredited() {
    try (CapturedLogs logs = new CapturedLogs()) {
      assertThat(deliver(signed("paid", "5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f", HeleketGatewayTest.API_KEY),
          HELEKET_IP)).isEqualTo(200);
      assertThat(deliver(signed("paid", "shop-order-17", HeleketGatewayTest.API_KEY), HELEKET_IP)).isEqualTo(200);
      assertThat(logs.all()).contains("no payment of ours").contains("no payment id of ours");
    }
    assertThat(heleket.requests()).isZero();
    assertThat(given.available()).isEqualTo(WELCOME);
  }

  @Test
  void givenNonFinalStatus_whenNotified_thenOkWithoutReadingHeleket() {
    assertThat(deliver("confirm_check")).isEqualTo(200);

    assertThat(heleket.requests()).isZero();
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void givenWebhookSaysPaidButHeleketDoesNot_whenNotified_thenNothingCredited() {
    heleketSays(HeleketGatewayTest.invoice(payment, "check"));

    assertThat(deliver("paid")).isEqualTo(200);

    assertThat(given.available()).isEqualTo(WELCOME);
  }

  @Test
  void givenHeleketOrOurStoreDown_whenNotified_thenServiceUnavailableSoItIsDeliveredAgain() {
    heleketSays(new MockResponse().setResponseCode(503));
    assertThat(deliver("paid")).isEqualTo(503);

    assertThat(webhook(new DownPaymentStore()).handle(new WebhookRequest("/webhooks/heleket", Map.of(),
        signed("paid", payment.id().toString(), HeleketGatewayTest.API_KEY), HELEKET_IP)).status()).isEqualTo(503);

    heleketSays(HeleketGatewayTest.invoice(payment, "paid"));
    assertThat(deliver("paid")).isEqualTo(200);
    assertThat(given.available()).isEqualTo(WELCOME + 500);
  }

  @Test
  void givenOversizedBody_whenNotified_thenTooLarge() {
    assertThat(deliver(new byte[WebhookRequest.MAX_BODY_BYTES + 1], HELEKET_IP)).isEqualTo(413);
  }
}
