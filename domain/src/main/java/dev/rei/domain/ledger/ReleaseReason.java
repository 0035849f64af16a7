package dev.rei.domain.ledger;

/** Why held credits went back to the user. */
public enum ReleaseReason {
  /** The generation failed for good. */
  FAILED,
  /** The user or an admin cancelled the job. */
  CANCELLED,
  /** The job's deadline or the hold's expiry passed. */
  EXPIRED,
  /** The order could not go ahead after the hold was placed. */
  ABORTED
}
