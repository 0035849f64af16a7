package dev.rei.adapters.payments.heleket;

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
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeleketGatewayTest {

  static final Secret API_KEY = Secret.of("test-api-key", "HELEKET_API_KEY");
  static final String MERCHANT = "8b03432e-385b-4670-8d06-064591096795";
  static final String UUID = "a1b2c3d4-0000-4000-8000-000000000001";

  private final ObjectMapper json = new ObjectMapper();
  private final TestCore given = new TestCore();
  private MockWebServer server;
  private HeleketGateway gateway;

  static HeleketSettings settings(String baseUrl) {
    return new HeleketSettings(MERCHANT, API_KEY, baseUrl, "https://rei.example/webhooks/heleket",
        "https://t.me/rei_bot", IpAllowList.of("31.133.220.8", "127.0.0.1"), Duration.ofHours(1),
        Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  static MockResponse invoice(Payment payment, String status, String amount, String currency, String paymentAmount,
      String payerAmount, String payerCurrency) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(Resources.template(
        "heleket/invoice.json", "UUID", UUID, "ORDER_ID", payment.id().toString(), "STATUS", status, "AMOUNT", amount,
        "CURRENCY", currency, "PAYMENT_AMOUNT", paymentAmount, "PAYER_AMOUNT", payerAmount, "PAYER_CURRENCY",
        payerCurrency));
  }

  static MockResponse invoice(Payment payment, String status) {
    return invoice(payment, status, "5.00", "USDT", "5.00", "5.00", "USDT");
  }

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    gateway = new HeleketGateway(settings(server.url("/").toString()));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Payment pending() {
    return given.pending(Rail.HELEKET, Money.ofMajor(5, Currency.USDT), 500, Optional.empty());
  }

  @Test
  void givenPayment_whenCreated_thenASignedInvoiceForOurOrderAndItsPayLink() throws Exception {
    Payment payment = pending();
    server.enqueue(invoice(payment, "check"));

    Checkout checkout = gateway.create(payment);

    assertThat(checkout.providerPaymentId()).contains(new ProviderPaymentId(UUID));
    assertThat(checkout.payUrl()).contains("https://pay.heleket.com/pay/" + UUID);
    RecordedRequest request = server.takeRequest();
    byte[] sent = request.getBody().readByteArray();
    assertThat(request.getPath()).isEqualTo("/v1/payment");
    assertThat(request.getHeader("merchant")).isEqualTo(MERCHANT);
    assertThat(request.getHeader("sign")).isEqualTo(HeleketSigner.sign(sent, API_KEY)).matches("[0-9a-f]{32}");
    String text = new String(sent, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("\"url_callback\":\"https:\\/\\/rei.example\\/webhooks\\/heleket\"");
    JsonNode body = json.readTree(sent);
    assertThat(body.path("amount").asText()).isEqualTo("5.00");
    assertThat(body.path("currency").asText()).isEqualTo("USDT");
    assertThat(body.path("order_id").asText()).isEqualTo(payment.id().toString());
    assertThat(body.path("url_return").asText()).isEqualTo("https://t.me/rei_bot");
    assertThat(body.path("lifetime").asInt()).isEqualTo(3600);
  }

  @Test
  void givenEachStatus_whenFetched_thenOnlyPaidAndPaidOverSucceedInFull() throws Exception {
    Payment payment = pending();
    String[][] cases = {{"paid", "SUCCEEDED"}, {"paid_over", "SUCCEEDED"}, {"check", "PENDING"},
        {"confirm_check", "PENDING"}, {"wrong_amount_waiting", "PENDING"}, {"cancel", "CANCELED"},
        {"fail", "CANCELED"}, {"system_fail", "CANCELED"}, {"locked", "PENDING"}, {"refund_paid", "PENDING"},
        {"brand_new", "PENDING"}};
    for (String[] c : cases) {
      server.enqueue(c[0].equals("paid_over") ? invoice(payment, c[0], "5.00", "USDT", "7.50", "5.00", "USDT")
          : invoice(payment, c[0]));

      PaymentNotification reported = gateway.fetch(payment).orElseThrow();

      assertThat(reported.status()).as(c[0]).isEqualTo(ReportedStatus.valueOf(c[1]));
      assertThat(reported.paid()).as(c[0]).isEqualTo(Money.ofMajor(5, Currency.USDT));
      assertThat(reported.providerPaymentId().value()).isEqualTo(UUID);
      RecordedRequest request = server.takeRequest();
      byte[] sent = request.getBody().readByteArray();
      assertThat(request.getPath()).isEqualTo("/v1/payment/info");
      assertThat(request.getHeader("sign")).isEqualTo(HeleketSigner.sign(sent, API_KEY));
      assertThat(json.readTree(sent).path("order_id").asText()).isEqualTo(payment.id().toString());
    }
  }

  @Test
  void givenWrongAmount_whenFetched_thenReportedAsTheSmallerAmountPaid() {
    Payment payment = pending();
    server.enqueue(invoice(payment, "wrong_amount", "5.00", "USDT", "2.50", "5.00", "USDT"));
    server.enqueue(invoice(payment, "wrong_amount", "5.00", "USDT", "0.0005", "0.001", "BTC"));
    server.enqueue(invoice(payment, "wrong_amount", "5.00", "USDT", "5.00", "5.00", "USDT"));

    assertThat(gateway.fetch(payment).orElseThrow().paid()).isEqualTo(Money.parse("2.50", Currency.USDT));
    assertThat(gateway.fetch(payment).orElseThrow().paid()).isEqualTo(Money.parse("2.50", Currency.USDT));
    assertThat(gateway.fetch(payment).orElseThrow().paid()).as("underpaid by Heleket's word, even if rounding hides it")
        .isEqualTo(Money.parse("4.99", Currency.USDT));
  }

  @Test
  void givenUnknownOrderOrForeignAnswer_whenFetched_thenEmpty() {
    Payment payment = pending();
    server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"state\":1,\"message\":\"Payment not found\"}"));
    assertThat(gateway.fetch(payment)).isEmpty();

    server.enqueue(invoice(pending(), "paid"));
    assertThat(gateway.fetch(payment)).isEmpty();
  }

  @Test
  void givenOutages_whenCalled_thenOutagesNotRefusals() {
    Payment payment = pending();
    server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>bad gateway</html>"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setBody("not json"));
    server.enqueue(new MockResponse().setBody("{\"state\":0}"));

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> gateway.fetch(payment)).as("case " + i).isInstanceOf(GatewayUnavailableException.class)
          .satisfies(e -> assertThat(e.getCause() instanceof RailRefusal).isFalse())
          .hasMessageNotContaining("test-api-key");
    }
  }

  @Test
  void givenValidationErrorOrErrorState_whenCreated_thenARefusalWithHeleketsMessage() {
    Payment payment = pending();
    server.enqueue(new MockResponse().setResponseCode(422).setBody(Resources.text("heleket/validation-error.json")));
    server.enqueue(new MockResponse().setBody("{\"state\":1,\"message\":\"Merchant is blocked\"}"));
    server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"state\":1,\"message\":\"Unauthorized\"}"));

    assertThatThrownBy(() -> gateway.create(payment)).hasMessageContaining("amount field is required")
        .satisfies(e -> assertThat(e.getCause()).isInstanceOf(RailRefusal.class));
    assertThatThrownBy(() -> gateway.create(payment)).hasMessageContaining("Merchant is blocked")
        .satisfies(e -> assertThat(e.getCause()).isInstanceOf(RailRefusal.class));
    assertThatThrownBy(() -> gateway.create(payment)).hasMessageContaining("401")
        .satisfies(e -> assertThat(e.getCause()).isInstanceOf(RailRefusal.class));
  }

  @Test
  void givenRefund_whenAsked_thenRefusedWithAClearReasonAndNoCall() {
    Payment payment = given.pending(Rail.HELEKET, Money.ofMajor(5, Currency.USDT), 500,
        Optional.of(new ProviderPaymentId(UUID)));

    assertThatThrownBy(() -> gateway.refund(payment))
        .isInstanceOf(dev.rei.application.port.out.PaymentGateway.RefundRefusedException.class)
        .hasMessageContaining("Heleket dashboard");
    assertThat(server.getRequestCount()).isZero();
  }
}
