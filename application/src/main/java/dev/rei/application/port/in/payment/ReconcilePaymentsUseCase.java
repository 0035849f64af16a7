package dev.rei.application.port.in.payment;

/** Re-checks pending payments with their rails, catching lost notifications and expiring stale payments. */
public interface ReconcilePaymentsUseCase {

  ReconcileReport reconcile();

  /** What one pass found. */
  record ReconcileReport(int checked, int settled, int canceled, int expired, int unavailable) {}
}
