package dev.rei.application.port.in.payment;

/** Re-checks pending payments with their rails, catching lost notifications and expiring stale payments. */
public interface ReconcilePaymentsUseCase {

  ReconcileReport reconcile();

  /**
   * What one pass found: {@code checked} pending payments read back from their rails, of which
   * {@code settled} were credited and {@code canceled} canceled as the rail reported, {@code
   * expired} canceled because they stayed unpaid too long, and {@code unavailable} left alone
   * because their rail did not answer.
   */
  record ReconcileReport(int checked, int settled, int canceled, int expired, int unavailable) {}
}
