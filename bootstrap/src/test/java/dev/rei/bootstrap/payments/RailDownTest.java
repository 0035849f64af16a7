package dev.rei.bootstrap.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.payments.yookassa.YooKassaSettings;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.StartTopUpUseCase;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.in.payment.TopUpStartRefusal;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.testing.Http;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rail that stops answering: each top-up on it is refused as unavailable and leaves no pending
 * payment; once its circuit opens {@code /health/payments} is down and names it, while the other
 * rail keeps working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RailDownTest {

  private static final UserId USER = UserId.of(84_001);

  private RailsProcess rails;

  @BeforeAll
  void start() throws IOException {
    rails = new RailsProcess(Map.of());
  }

  @AfterAll
  void stop() {
    rails.close();
  }

  @Test
  void givenYooKassaDown_topUpsAreRefusedAsUnavailable_healthNamesIt_andHeleketStillWorks() {
    rails.register(USER);
    assertThat(Http.get(rails.httpPort(), "/health/payments").statusCode()).isEqualTo(200);

    rails.yookassa().close();
    for (int i = 0; i < 6; i++) {
      TopUpStart start = rails.get(StartTopUpUseCase.class).startTopUp(
          new StartTopUpCommand(USER, Rail.YOOKASSA, new TopUpChoice.Package("p100")));
      assertThat(start).isEqualTo(new TopUpStart.Refused(TopUpStartRefusal.RAIL_UNAVAILABLE));
    }

    HttpResponse<String> health = Http.get(rails.httpPort(), "/health/payments");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("YOOKASSA unavailable")
        .doesNotContain("HELEKET")
        .doesNotContain(rails.get(YooKassaSettings.class).secretKey().reveal())
        .doesNotContain(rails.get(YooKassaSettings.class).webhookSecret().reveal());
    assertThat(rails.get(UnitOfWork.class).inTransaction(() -> rails.get(PaymentStore.class).latestOf(USER, 10)))
        .hasSize(6).allSatisfy(p -> assertThat(p.status()).isEqualTo(PaymentStatus.CANCELED));

    Payment crypto = rails.startTopUp(USER, Rail.HELEKET, "p1");
    assertThat(crypto.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(rails.heleket().pay(crypto.providerPaymentId().orElseThrow().value(), "paid")).isEqualTo(200);
    assertThat(rails.payment(crypto.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
  }
}
