package dev.rei.domain.payment;

/** {@code PENDING → SUCCEEDED → REFUNDED}, or {@code PENDING → CANCELED}. */
public enum PaymentStatus {
  PENDING,
  SUCCEEDED,
  CANCELED,
  REFUNDED
}
