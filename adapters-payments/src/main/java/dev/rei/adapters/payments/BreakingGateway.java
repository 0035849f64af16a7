package dev.rei.adapters.payments;

import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.Rail;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway behind a Resilience4j circuit breaker: after enough outages (I/O, timeouts, 5xx) the
 * circuit opens and calls fail at once with {@link GatewayUnavailableException}, so users hear
 * "the rail is unavailable" now instead of after a timeout. Refusals ({@link RailRefusal}) mean
 * the rail is up and do not count.
 */
public final class BreakingGateway implements PaymentGateway {

  private static final Logger log = LoggerFactory.getLogger(BreakingGateway.class);

  private final PaymentGateway delegate;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final AtomicReference<LastError> lastError = new AtomicReference<>();

  public BreakingGateway(PaymentGateway delegate, BreakerSettings settings) {
    this(delegate, settings, Clock.systemUTC());
  }

  public BreakingGateway(PaymentGateway delegate, BreakerSettings settings, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.clock = Objects.requireNonNull(clock, "clock");
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.windowCalls())
        .minimumNumberOfCalls(settings.minimumCalls())
        .failureRateThreshold(settings.failureRatePercent())
        .waitDurationInOpenState(settings.openWait())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        // Explicit, though it is the default: an open circuit turns half-open on the first call after the wait.
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .recordException(BreakingGateway::isOutage)
        .build();
    this.breaker = CircuitBreaker.of("payments-" + delegate.rail().name().toLowerCase(java.util.Locale.ROOT), config);
    breaker.getEventPublisher()
        .onError(event -> lastError.set(new LastError(summary(event.getThrowable()), clock.instant())))
        .onStateTransition(event -> log.warn("payment rail {} circuit {}", delegate.rail(),
            event.getStateTransition()));
  }

  @Override
  public Rail rail() {
    return delegate.rail();
  }

  @Override
  public Checkout create(Payment payment) {
    return call(() -> delegate.create(payment));
  }

  @Override
  public Optional<PaymentNotification> fetch(Payment payment) {
    return call(() -> delegate.fetch(payment));
  }

  @Override
  public void refund(Payment payment) {
    call(() -> {
      delegate.refund(payment);
      return null;
    });
  }

  /** The circuit's state now and the last outage it saw. */
  public RailHealth health() {
    RailHealth.State state = switch (breaker.getState()) {
      case OPEN, FORCED_OPEN -> RailHealth.State.OPEN;
      case HALF_OPEN -> RailHealth.State.HALF_OPEN;
      case CLOSED, DISABLED, METRICS_ONLY -> RailHealth.State.CLOSED;
    };
    LastError last = lastError.get();
    return new RailHealth(rail(), state, Optional.ofNullable(last).map(LastError::summary),
        Optional.ofNullable(last).map(LastError::at));
  }

  private <T> T call(Supplier<T> work) {
    try {
      return breaker.executeSupplier(work);
    } catch (CallNotPermittedException e) {
      throw new GatewayUnavailableException(rail() + " is unavailable: its circuit is open after repeated outages",
          e);
    }
  }

  private static boolean isOutage(Throwable thrown) {
    return !(thrown instanceof GatewayUnavailableException && thrown.getCause() instanceof RailRefusal
        || thrown instanceof PaymentGateway.RefundRefusedException);
  }

  private static String summary(Throwable thrown) {
    String message = thrown.getMessage();
    return RailHttp.truncate(thrown.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }

  private record LastError(String summary, Instant at) {}
}
