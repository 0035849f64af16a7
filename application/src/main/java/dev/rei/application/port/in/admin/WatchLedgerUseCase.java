package dev.rei.application.port.in.admin;

import dev.rei.domain.ledger.LedgerViolation;
import java.util.List;

/**
 * Checks every ledger invariant on its own schedule, with no admin asking, and alerts admins when
 * one is broken (the same alert as an admin's {@code /reconcile}, so the two never double up).
 */
public interface WatchLedgerUseCase {

  /** The violations found; none for a sound ledger. */
  List<LedgerViolation> check();
}
