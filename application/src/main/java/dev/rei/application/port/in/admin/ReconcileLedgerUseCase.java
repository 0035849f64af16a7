package dev.rei.application.port.in.admin;

import dev.rei.domain.ledger.LedgerViolation;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** Checks every ledger invariant against the store; a sound ledger reports nothing. */
public interface ReconcileLedgerUseCase {

  Result reconcile(UserId admin);

  /** The violations found (none for a sound ledger) among how many accounts and transfers, or a refusal. */
  sealed interface Result {
    record Report(List<LedgerViolation> violations, int accounts, int transfers) implements Result {
      public Report {
        violations = List.copyOf(violations);
        if (accounts < 0 || transfers < 0) {
          throw new IllegalArgumentException("counts cannot be negative");
        }
      }
    }

    record Refused(AdminRefusal reason) implements Result {
      public Refused {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
