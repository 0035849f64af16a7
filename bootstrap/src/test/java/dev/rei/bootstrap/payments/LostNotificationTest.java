package dev.rei.bootstrap.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A notification that never arrives: the payment reconciler of a worker reads the payment back and credits it once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostNotificationTest {

  private static final UserId USER = UserId.of(83_001);

  private RailsProcess rails;

  @BeforeAll
  void start() throws IOException {
    rails = new RailsProcess(Map.of("PAYMENT_RECONCILE_INTERVAL_SECONDS", "1", "PAYMENT_RECONCILE_MIN_AGE_SECONDS", "1",
        "WORKER_THREADS", "1"), Set.of(Role.WORKER));
  }

  @AfterAll
  void stop() {
    rails.close();
  }

  @Test
  void givenAPaymentWhoseNotificationIsLost_theReconcilerCreditsItOnce_andALateNotificationChangesNothing()
      throws IOException {
    rails.register(USER);
    Payment payment = rails.startTopUp(USER, Rail.YOOKASSA, "p300");
    String railId = payment.providerPaymentId().orElseThrow().value();
    String webhook = "http://127.0.0.1:" + rails.httpPort() + rails.yookassaWebhookPath();
    try {
      // Nothing listens there: the rail's notification is lost.
      rails.yookassa().notifyTo("http://127.0.0.1:" + closedPort() + "/lost");
      assertThat(rails.yookassa().pay(railId, "succeeded")).isEqualTo(-1);
    } finally {
      rails.yookassa().notifyTo(webhook);
    }

    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> rails.payment(payment.id()).status() == PaymentStatus.SUCCEEDED);
    assertThat(rails.yookassa().notify(railId)).isEqualTo(200);

    assertThat(rails.get(GetBalanceUseCase.class).balance(USER).available()).isEqualTo(payment.credits().total());
    assertThat(payment.credits().total()).isEqualTo(Credits.of(330));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
