package dev.rei.domain.ledger;

import java.util.Objects;

/** What became of a {@link TransferRequest}. */
public sealed interface TransferResult {

  /** The request was new and its transfer is (or, from {@link LedgerRules}, is to be) recorded. */
  record Recorded(Transfer transfer, AccountBalance debitAfter, AccountBalance creditAfter)
      implements TransferResult {
    public Recorded {
      Objects.requireNonNull(transfer, "transfer");
      Objects.requireNonNull(debitAfter, "debitAfter");
      Objects.requireNonNull(creditAfter, "creditAfter");
    }
  }

  /** The key was used before for the same content: the first transfer, and nothing changed. */
  record Replayed(Transfer transfer) implements TransferResult {
    public Replayed {
      Objects.requireNonNull(transfer, "transfer");
    }
  }

  /**
   * Nothing was recorded. A refused request does not use up its key, as in TigerBeetle: it may be
   * sent again and succeed once the reason is gone (say, after a top-up).
   */
  record Refused(TransferRefusal reason) implements TransferResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The transfer this result stands for, recorded now or before; empty when refused. */
  default java.util.Optional<Transfer> asTransfer() {
    if (this instanceof Recorded recorded) {
      return java.util.Optional.of(recorded.transfer());
    }
    if (this instanceof Replayed replayed) {
      return java.util.Optional.of(replayed.transfer());
    }
    return java.util.Optional.empty();
  }
}
