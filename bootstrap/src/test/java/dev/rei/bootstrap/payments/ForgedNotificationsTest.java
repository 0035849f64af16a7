package dev.rei.bootstrap.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.heleket.HeleketSigner;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Forged and misdirected notifications against the running process's webhook routes: each is
 * refused or ignored and credits nothing, while the genuine notification for the same payment
 * still credits it once. The process sits behind a trusted proxy on loopback ({@code
 * TRUSTED_PROXIES=127.0.0.1}, {@code X-Forwarded-For}); the detailed cases are adapters-payments'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedNotificationsTest {

  private static final AtomicLong USERS = new AtomicLong(82_000);
  private static final ObjectMapper JSON = new ObjectMapper();

  private RailsProcess rails;

  @BeforeAll
  void start() throws IOException {
    rails = new RailsProcess(Map.of("TRUSTED_PROXIES", "127.0.0.1", "CLIENT_IP_HEADER", "X-Forwarded-For"));
  }

  @AfterAll
  void stop() {
    rails.close();
  }

  @Test
  void givenAYooKassaPaymentPaidOnTheRail_forgedOrMisdirectedNotificationsCreditNothing_theGenuineOneCreditsOnce() {
    UserId user = newUser();
    Payment payment = rails.startTopUp(user, Rail.YOOKASSA, "p100");
    String railId = payment.providerPaymentId().orElseThrow().value();
    String genuineUrl = "http://127.0.0.1:" + port() + rails.yookassaWebhookPath();
    try {
      // The shop's dashboard holds a wrong secret: the rail's real notification is answered 404.
      rails.yookassa().notifyTo("http://127.0.0.1:" + port() + "/webhooks/yookassa/not-the-secret");
      assertThat(rails.yookassa().pay(railId, "succeeded")).isEqualTo(404);
    } finally {
      rails.yookassa().notifyTo(genuineUrl);
    }
    assertUncredited(user, payment);

    byte[] notification = yookassaSucceeded(railId);
    // From outside, through our proxy, pretending to be YooKassa: the proxy's hop is believed, the claim is not.
    assertThat(rails.post(rails.yookassaWebhookPath(), notification,
        Map.of("X-Forwarded-For", "185.71.76.1, 203.0.113.9"))).isEqualTo(403);
    assertThat(rails.post(rails.yookassaWebhookPath(), notification, Map.of("X-Forwarded-For", "203.0.113.9")))
        .isEqualTo(403);
    assertUncredited(user, payment);
    // No body about an unknown payment changes anything, and the rail is told to stop.
    assertThat(rails.post(rails.yookassaWebhookPath(), yookassaSucceeded(UUID.randomUUID().toString())))
        .isEqualTo(200);
    assertUncredited(user, payment);

    assertThat(rails.yookassa().notify(railId)).isEqualTo(200);
    assertThat(rails.post(rails.yookassaWebhookPath(), notification)).isEqualTo(200);

    assertThat(rails.payment(payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(balance(user)).isEqualTo(payment.credits().total());

    // The rail later reports the same payment canceled: ignored (admins are alerted), the credits stay.
    assertThat(rails.yookassa().pay(railId, "canceled")).isEqualTo(200);
    assertThat(rails.payment(payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(balance(user)).isEqualTo(payment.credits().total());
  }

  @Test
  void givenASenderOutsideTheAllowList_aForgedHeaderFromAnUntrustedPeer_isNotBelieved() throws Exception {
    Optional<InetAddress> own = nonLoopbackAddress();
    assumeTrue(own.isPresent(), "this machine has no address but loopback");
    UserId user = newUser();
    Payment payment = rails.startTopUp(user, Rail.YOOKASSA, "p200");
    String railId = payment.providerPaymentId().orElseThrow().value();
    byte[] notification = yookassaSucceeded(railId);

    // The peer is this machine's own non-loopback address, which is no trusted proxy: its header is ignored.
    HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
            + own.get().getHostAddress() + ":" + port() + rails.yookassaWebhookPath()))
        .timeout(Duration.ofSeconds(10)).header("X-Forwarded-For", "127.0.0.1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(notification)).build(), HttpResponse.BodyHandlers.discarding());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertUncredited(user, payment);
  }

  @Test
  void givenHeleketWebhooksWithBadSignatures_theyAreRefused401_andUnknownOrdersCreditNothing() {
    UserId user = newUser();
    Payment payment = rails.startTopUp(user, Rail.HELEKET, "p1");
    String uuid = payment.providerPaymentId().orElseThrow().value();
    ObjectNode paid = heleketPaid(uuid, payment.id().toString());

    // Signed with another key.
    assertThat(rails.post("/webhooks/heleket",
        HeleketSigner.signedWebhookBody(paid, Secret.of("not-the-merchant-key", "forged key")))).isEqualTo(401);
    // Signed correctly, then the amount changed.
    String tampered = new String(HeleketSigner.signedWebhookBody(paid, rails.heleketSettings().apiKey()),
        StandardCharsets.UTF_8).replace("\"payment_amount\":\"1.00\"", "\"payment_amount\":\"100.00\"");
    assertThat(tampered).contains("\"payment_amount\":\"100.00\"");
    assertThat(rails.post("/webhooks/heleket", tampered.getBytes(StandardCharsets.UTF_8))).isEqualTo(401);
    // Not signed at all.
    assertThat(rails.post("/webhooks/heleket", bytes(paid))).isEqualTo(401);
    // A correct signature over an order that is none of ours.
    assertThat(rails.post("/webhooks/heleket", HeleketSigner.signedWebhookBody(
        heleketPaid(UUID.randomUUID().toString(), UUID.randomUUID().toString()), rails.heleketSettings().apiKey())))
        .isEqualTo(200);
    // A correct signature saying "paid" for an invoice the rail still shows unpaid: the rail is asked, not the body.
    assertThat(rails.post("/webhooks/heleket", HeleketSigner.signedWebhookBody(paid, rails.heleketSettings().apiKey())))
        .isEqualTo(200);
    assertUncredited(user, payment);

    assertThat(rails.heleket().pay(uuid, "paid")).isEqualTo(200);

    assertThat(rails.payment(payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(balance(user)).isEqualTo(payment.credits().total());
  }

  private UserId newUser() {
    UserId user = UserId.of(USERS.incrementAndGet());
    rails.register(user);
    return user;
  }

  private int port() {
    return rails.httpPort();
  }

  private Credits balance(UserId user) {
    return rails.get(GetBalanceUseCase.class).balance(user).available();
  }

  private void assertUncredited(UserId user, Payment payment) {
    assertThat(rails.payment(payment.id()).status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(balance(user)).isEqualTo(Credits.ZERO);
  }

  private byte[] yookassaSucceeded(String railId) {
    ObjectNode notification = JSON.createObjectNode();
    notification.put("type", "notification");
    notification.put("event", "payment.succeeded");
    ObjectNode object = notification.putObject("object");
    object.put("id", railId);
    object.put("status", "succeeded");
    object.put("paid", true);
    object.putObject("amount").put("value", "100.00").put("currency", "RUB");
    return bytes(notification);
  }

  private static ObjectNode heleketPaid(String uuid, String orderId) {
    ObjectNode webhook = JSON.createObjectNode();
    webhook.put("type", "payment");
    webhook.put("uuid", uuid);
    webhook.put("order_id", orderId);
    webhook.put("amount", "1.00");
    webhook.put("payment_amount", "1.00");
    webhook.put("merchant_amount", "1.00");
    webhook.put("currency", "USDT");
    webhook.put("network", "tron");
    webhook.put("status", "paid");
    webhook.put("is_final", true);
    return webhook;
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (face.isUp() && !face.isLoopback()) {
        for (InetAddress address : Collections.list(face.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
            return Optional.of(address);
          }
        }
      }
    }
    return Optional.empty();
  }
}
