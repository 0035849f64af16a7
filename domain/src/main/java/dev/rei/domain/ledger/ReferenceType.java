package dev.rei.domain.ledger;

/** What a transfer is about, so a history entry can link to it. */
public enum ReferenceType {
  REGISTRATION,
  PAYMENT,
  JOB,
  ADMIN_ACTION,
  PROMOTION
}
