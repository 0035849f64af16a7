package dev.rei.domain.ledger;

/** Why the ledger refused a valid request; nothing was recorded. */
public enum TransferRefusal {
  INSUFFICIENT_FUNDS("the debit account's available balance is smaller than the amount"),
  ACCOUNT_NOT_FOUND("a user account in the request has not been opened"),
  IDEMPOTENCY_KEY_REUSED("the key already names a different transfer"),
  HOLD_NOT_FOUND("no hold has this id"),
  NOT_A_HOLD("the id names a transfer that is not a hold"),
  HOLD_ALREADY_CAPTURED("the hold was captured already"),
  HOLD_ALREADY_RELEASED("the hold was released already"),
  HOLD_EXPIRED("the hold expired and can only be released"),
  CAPTURE_EXCEEDS_HOLD("a capture cannot post more than was held"),
  HOLD_EXPIRES_IN_THE_PAST("a new hold must expire after it is placed");

  private final String description;

  TransferRefusal(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
