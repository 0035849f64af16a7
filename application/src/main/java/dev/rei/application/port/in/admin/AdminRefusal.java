package dev.rei.application.port.in.admin;

/** Why an admin action was not carried out; nothing changed. */
public enum AdminRefusal {
  /** The caller is not a configured admin; checked before anything else. */
  NOT_AN_ADMIN,
  UNKNOWN_USER,
  UNKNOWN_PAYMENT,
  /** Only a succeeded payment can be refunded. */
  NOT_REFUNDABLE,
  /** The user no longer has the credits the action would take. */
  INSUFFICIENT_FUNDS,
  /** The payment's rail did not answer; nothing was returned or changed. */
  RAIL_UNAVAILABLE,
  /** The idempotency key was used before for a different action. */
  KEY_USED_FOR_ANOTHER_ACTION,
  /** Admins cannot be banned: an operator must never lock an operator out by a slip. */
  TARGET_IS_AN_ADMIN,
  UNKNOWN_JOB,
  /** The job is being worked on right now (running or delivering), or it succeeded or was cancelled. */
  JOB_NOT_RETRYABLE,
  /** The payment's rail answered and refused (e.g. "refunds are made in the dashboard"); its words are the detail. */
  RAIL_REFUSED
}
