package dev.rei.adapters.payments;

/**
 * The cause of a {@link dev.rei.application.port.out.PaymentGateway.GatewayUnavailableException}
 * when the rail answered but refused the call (a 4xx: bad credentials, a validation error, too
 * many requests). The rail is up, so the circuit breaker does not count it as a failure; any other
 * cause (I/O, timeout, 5xx, an unreadable answer) is an outage and does count.
 */
public final class RailRefusal extends RuntimeException {

  private final int httpStatus;

  public RailRefusal(int httpStatus, String message) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
  }

  /** The HTTP status the rail answered with, or 0 when the refusal is ours (an unsupported call). */
  public int httpStatus() {
    return httpStatus;
  }
}
