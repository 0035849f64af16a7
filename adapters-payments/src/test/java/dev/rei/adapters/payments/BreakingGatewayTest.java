package dev.rei.adapters.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.Rail;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BreakingGatewayTest {

  private static final BreakerSettings SETTINGS = new BreakerSettings(50, 4, 4, Duration.ofMillis(200), 1);

  private final TestCore given = new TestCore();
  private final Payment payment = given.pending(Rail.HELEKET, Money.ofMajor(5, Currency.USDT), 500, Optional.empty());
  private final ScriptedGateway rail = new ScriptedGateway();
  private final BreakingGateway breaking = new BreakingGateway(rail, SETTINGS);

  @Test
  void givenRepeatedOutages_whenCalled_thenTheCircuitOpensAndFailsFastWithoutCallingTheRail() {
    rail.answer = () -> {
      throw new PaymentGateway.GatewayUnavailableException("HELEKET read invoice answered HTTP 502", null);
    };
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> breaking.fetch(payment)).hasMessageContaining("502");
    }

    assertThatThrownBy(() -> breaking.fetch(payment))
        .isInstanceOf(PaymentGateway.GatewayUnavailableException.class)
        .hasMessageContaining("circuit is open");
    assertThatThrownBy(() -> breaking.create(payment)).isInstanceOf(PaymentGateway.GatewayUnavailableException.class);
    assertThat(rail.calls.get()).isEqualTo(4);
    RailHealth health = breaking.health();
    assertThat(health.rail()).isEqualTo(Rail.HELEKET);
    assertThat(health.state()).isEqualTo(RailHealth.State.OPEN);
    assertThat(health.available()).isFalse();
    assertThat(health.lastError()).hasValueSatisfying(error -> assertThat(error).contains("HTTP 502"));
    assertThat(health.lastErrorAt()).isPresent();
  }

  @Test
  void givenRefusals_whenCalled_thenTheCircuitStaysClosedAndTheRefusalPassesThrough() {
    PaymentGateway.GatewayUnavailableException refusal = new PaymentGateway.GatewayUnavailableException(
        "HELEKET create invoice answered HTTP 422", new RailRefusal(422, "validation"));
    rail.answer = () -> {
      throw refusal;
    };

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> breaking.fetch(payment)).isSameAs(refusal);
    }

    assertThat(rail.calls.get()).isEqualTo(10);
    assertThat(breaking.health().state()).isEqualTo(RailHealth.State.CLOSED);
    assertThat(breaking.health().lastError()).isEmpty();
  }

  @Test
  void givenOpenCircuit_whenTheRailRecovers_thenATrialCallClosesItAgain() {
    rail.answer = () -> {
      throw new PaymentGateway.GatewayUnavailableException("HELEKET down", new java.io.IOException("reset"));
    };
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> breaking.fetch(payment));
    }
    assertThat(breaking.health().state()).isEqualTo(RailHealth.State.OPEN);
    rail.answer = Optional::empty;

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().untilAsserted(() ->
        assertThat(breaking.fetch(payment)).isEmpty());

    assertThat(breaking.health().state()).isEqualTo(RailHealth.State.CLOSED);
    assertThat(breaking.rail()).isEqualTo(Rail.HELEKET);
  }

  /** A rail that answers every fetch as the test says, and counts the calls that reached it. */
  private static final class ScriptedGateway implements PaymentGateway {
    final AtomicInteger calls = new AtomicInteger();
    volatile Supplier<Optional<PaymentNotification>> answer = Optional::empty;

    @Override
    public Rail rail() {
      return Rail.HELEKET;
    }

    @Override
    public Checkout create(Payment payment) {
      calls.incrementAndGet();
      answer.get();
      return new Checkout(Optional.empty(), Optional.empty());
    }

    @Override
    public Optional<PaymentNotification> fetch(Payment payment) {
      calls.incrementAndGet();
      return answer.get();
    }

    @Override
    public void refund(Payment payment) {
      calls.incrementAndGet();
      answer.get();
    }
  }
}
