package dev.rei.adapters.payments.yookassa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.payments.RailRefusal;
import dev.rei.adapters.payments.Resources;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.TestCore;
import dev.rei.adapters.payments.webhook.IpAllowList;
import dev.rei.application.port.out.PaymentGateway.Checkout;
import dev.rei.application.port.out.PaymentGateway.GatewayUnavailableException;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YooKassaGatewayTest {

  static final String RAIL_ID = "2d9c3f1a-000f-5000-a000-1b2c3d4e5f60";
  static final Secret SECRET_KEY = Secret.of("test_secret_key_1", "YOOKASSA_SECRET_KEY");
  static final Secret WEBHOOK_SECRET = Secret.of("hook-secret-0123456789", "YOOKASSA_WEBHOOK_SECRET");

  private final ObjectMapper json = new ObjectMapper();
  private final TestCore given = new TestCore();
  private MockWebServer server;
  private YooKassaGateway gateway;

  static YooKassaSettings settings(MockWebServer server) {
    return new YooKassaSettings("123456", SECRET_KEY, server.url("/").toString(), WEBHOOK_SECRET,
        IpAllowList.parse(YooKassaSettings.PUBLISHED_IPS + ", 127.0.0.1"), "https://t.me/rei_bot", Optional.empty(),
        Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  static MockResponse paymentJson(String railId, Payment payment, String status, String value, String currency) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(Resources.template(
        "yookassa/payment.json", "ID", railId, "PAYMENT_ID", payment.id().toString(), "STATUS", status, "VALUE", value,
        "CURRENCY", currency));
  }

  static MockResponse error(int status, String code) {
    return new MockResponse().setResponseCode(status).setBody(Resources.template("yookassa/error.json", "CODE", code,
        "DESCRIPTION", "test"));
  }

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    gateway = new YooKassaGateway(settings(server));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Payment pendingRubles(long rubles, Optional<ProviderPaymentId> railId) {
    return given.pending(Rail.YOOKASSA, Money.ofMajor(rubles, Currency.RUB), rubles, railId);
  }

  @Test
  void givenPayment_whenCreated_thenOneAuthenticatedIdempotentOneStageRequestAndItsPayLink() throws Exception {
    Payment payment = pendingRubles(100, Optional.empty());
    server.enqueue(paymentJson(RAIL_ID, payment, "pending", "100.00", "RUB"));

    Checkout checkout = gateway.create(payment);

    assertThat(checkout.providerPaymentId()).contains(new ProviderPaymentId(RAIL_ID));
    assertThat(checkout.payUrl()).contains("https://yoomoney.ru/checkout/payments/v2/contract?orderId=" + RAIL_ID);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v3/payments");
    assertThat(request.getHeader("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("123456:test_secret_key_1".getBytes()));
    assertThat(request.getHeader("Idempotence-Key")).isEqualTo(payment.id().toString());
    JsonNode body = json.readTree(request.getBody().readUtf8());
    assertThat(body.at("/amount/value").asText()).isEqualTo("100.00");
    assertThat(body.at("/amount/currency").asText()).isEqualTo("RUB");
    assertThat(body.at("/capture").asBoolean()).isTrue();
    assertThat(body.at("/confirmation/type").asText()).isEqualTo("redirect");
    assertThat(body.at("/confirmation/return_url").asText()).isEqualTo("https://t.me/rei_bot");
    assertThat(body.at("/metadata/payment_id").asText()).isEqualTo(payment.id().toString());
    assertThat(body.at("/description").asText()).isEqualTo("Пополнение баланса, кредитов: 100");
    assertThat(body.has("receipt")).isFalse();
  }

  @Test
  void givenReceiptConfigured_whenCreated_thenA54FzReceiptGoesWithThePayment() throws Exception {
    gateway = new YooKassaGateway(settings(server).withReceipt(new YooKassaReceipt("shop@example.ru", 4, "service",
        "full_prepayment", Optional.of(2))));
    Payment payment = pendingRubles(250, Optional.empty());
    server.enqueue(paymentJson(RAIL_ID, payment, "pending", "250.00", "RUB"));

    gateway.create(payment);

    JsonNode receipt = json.readTree(server.takeRequest().getBody().readUtf8()).path("receipt");
    assertThat(receipt.at("/customer/email").asText()).isEqualTo("shop@example.ru");
    assertThat(receipt.at("/items/0/amount/value").asText()).isEqualTo("250.00");
    assertThat(receipt.at("/items/0/quantity").asText()).isEqualTo("1.00");
    assertThat(receipt.at("/items/0/vat_code").asInt()).isEqualTo(4);
    assertThat(receipt.at("/items/0/payment_subject").asText()).isEqualTo("service");
    assertThat(receipt.at("/items/0/payment_mode").asText()).isEqualTo("full_prepayment");
    assertThat(receipt.at("/tax_system_code").asInt()).isEqualTo(2);
  }

  @Test
  void givenEachStatus_whenFetched_thenReportedAsTheCoreExpects() throws Exception {
    Payment payment = pendingRubles(100, Optional.of(new ProviderPaymentId(RAIL_ID)));
    String[][] cases = {{"succeeded", "SUCCEEDED"}, {"canceled", "CANCELED"}, {"pending", "PENDING"},
        {"waiting_for_capture", "PENDING"}, {"something_new", "PENDING"}};
    for (String[] c : cases) {
      server.enqueue(paymentJson(RAIL_ID, payment, c[0], "100.00", "RUB"));

      PaymentNotification reported = gateway.fetch(payment).orElseThrow();

      assertThat(reported.status()).as(c[0]).isEqualTo(ReportedStatus.valueOf(c[1]));
      assertThat(reported.paid()).isEqualTo(Money.ofMajor(100, Currency.RUB));
      assertThat(reported.paymentId()).isEqualTo(payment.id());
      assertThat(reported.providerPaymentId().value()).isEqualTo(RAIL_ID);
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getPath()).isEqualTo("/v3/payments/" + RAIL_ID);
      assertThat(request.getHeader("Authorization")).startsWith("Basic ");
    }
  }

  @Test
  void givenUnknownOrUnboundOrForeignPayment_whenFetched_thenEmpty() {
    Payment payment = pendingRubles(100, Optional.of(new ProviderPaymentId(RAIL_ID)));
    server.enqueue(error(404, "not_found"));
    assertThat(gateway.fetch(payment)).isEmpty();

    assertThat(gateway.fetch(pendingRubles(100, Optional.empty()))).isEmpty();

    Payment other = pendingRubles(100, Optional.empty());
    server.enqueue(paymentJson(RAIL_ID, other, "succeeded", "100.00", "RUB"));
    assertThat(gateway.fetch(payment)).as("metadata names another payment of ours").isEmpty();
  }

  @Test
  void givenServerErrorOrBrokenConnectionOrGarbage_whenCalled_thenAnOutage() {
    Payment payment = pendingRubles(100, Optional.of(new ProviderPaymentId(RAIL_ID)));
    server.enqueue(error(500, "internal_server_error"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("<html>502 Bad Gateway</html>"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> gateway.fetch(payment)).as("case " + i)
          .isInstanceOf(GatewayUnavailableException.class)
          .satisfies(e -> assertThat(e.getCause() instanceof RailRefusal).isFalse())
          .hasMessageNotContaining("test_secret_key_1");
    }
  }

  @Test
  void givenRefusal_whenCalled_thenARefusalThatNamesYooKassasReason() {
    Payment payment = pendingRubles(100, Optional.empty());
    server.enqueue(error(401, "invalid_credentials"));
    server.enqueue(error(400, "invalid_request"));
    server.enqueue(error(429, "too_many_requests"));

    for (String code : new String[] {"invalid_credentials", "invalid_request", "too_many_requests"}) {
      assertThatThrownBy(() -> gateway.create(payment))
          .isInstanceOf(GatewayUnavailableException.class)
          .hasMessageContaining(code)
          .hasMessageNotContaining("test_secret_key_1")
          .satisfies(e -> assertThat(e.getCause()).isInstanceOf(RailRefusal.class));
    }
  }

  @Test
  void givenCreateAnswerWithoutPayLink_whenCreated_thenAnOutageNotAHalfPayment() {
    Payment payment = pendingRubles(100, Optional.empty());
    server.enqueue(new MockResponse().setBody("{\"id\":\"" + RAIL_ID + "\",\"status\":\"pending\"}"));

    assertThatThrownBy(() -> gateway.create(payment)).isInstanceOf(GatewayUnavailableException.class)
        .hasMessageContaining("confirmation_url");
  }

  @Test
  void givenPaidPayment_whenRefunded_thenOneIdempotentFullRefund() throws Exception {
    Payment payment = pendingRubles(100, Optional.of(new ProviderPaymentId(RAIL_ID)));
    server.enqueue(new MockResponse().setBody(Resources.template("yookassa/refund.json", "STATUS", "succeeded", "ID",
        RAIL_ID)));

    gateway.refund(payment);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/v3/refunds");
    assertThat(request.getHeader("Idempotence-Key")).isEqualTo("refund-" + payment.id());
    JsonNode body = json.readTree(request.getBody().readUtf8());
    assertThat(body.at("/payment_id").asText()).isEqualTo(RAIL_ID);
    assertThat(body.at("/amount/value").asText()).isEqualTo("100.00");
    assertThat(body.at("/amount/currency").asText()).isEqualTo("RUB");
  }

  @Test
  void givenRefundCanceledByYooKassa_whenRefunded_thenRefusedWithTheReason() {
    Payment payment = pendingRubles(100, Optional.of(new ProviderPaymentId(RAIL_ID)));
    server.enqueue(new MockResponse().setBody(Resources.template("yookassa/refund.json", "STATUS", "canceled", "ID",
        RAIL_ID)));

    assertThatThrownBy(() -> gateway.refund(payment))
        .isInstanceOf(dev.rei.application.port.out.PaymentGateway.RefundRefusedException.class)
        .hasMessageContaining("insufficient_funds");
  }
}
