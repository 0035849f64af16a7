package dev.rei.domain.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a {@link TransferRequest} against the current state of a ledger, as one function that
 * reads top to bottom: replay, then the checks in order, each with a named refusal, then the
 * transfer and the two account balances that follow from it. It writes nothing; the caller
 * records a {@link TransferResult.Recorded} atomically.
 */
public final class LedgerRules {

  private LedgerRules() {}

  /**
   * @param newId the id the transfer gets if it is recorded
   * @param now the time of the decision: the transfer's timestamp and the clock for hold expiry
   */
  public static TransferResult decide(TransferRequest request, LedgerView ledger, TransferId newId, Instant now) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(newId, "newId");
    Objects.requireNonNull(now, "now");

    Optional<Transfer> earlier = ledger.transferByKey(request.key());
    if (earlier.isPresent()) {
      return request.sameContentAs(earlier.get())
          ? new TransferResult.Replayed(earlier.get())
          : new TransferResult.Refused(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
    }
    if (request instanceof TransferRequest.Post post) {
      return decideMovement(Transfer.recordPost(newId, post, now), ledger);
    }
    if (request instanceof TransferRequest.Hold hold) {
      if (hold.expiresAt().isPresent() && !now.isBefore(hold.expiresAt().get())) {
        return new TransferResult.Refused(TransferRefusal.HOLD_EXPIRES_IN_THE_PAST);
      }
      return decideMovement(Transfer.recordHold(newId, hold, now), ledger);
    }
    if (request instanceof TransferRequest.Capture capture) {
      return decideCapture(capture, ledger, newId, now);
    }
    return decideRelease((TransferRequest.Release) request, ledger, newId, now);
  }

  private static TransferResult decideMovement(Transfer transfer, LedgerView ledger) {
    Optional<AccountBalance> debit = accountOf(transfer.debit(), ledger);
    Optional<AccountBalance> credit = accountOf(transfer.credit(), ledger);
    if (debit.isEmpty() || credit.isEmpty()) {
      return new TransferResult.Refused(TransferRefusal.ACCOUNT_NOT_FOUND);
    }
    if (!debit.get().canDebit(transfer.amount())) {
      return new TransferResult.Refused(TransferRefusal.INSUFFICIENT_FUNDS);
    }
    return recorded(transfer, debit.get(), credit.get(), Credits.ZERO);
  }

  private static TransferResult decideCapture(
      TransferRequest.Capture capture, LedgerView ledger, TransferId newId, Instant now) {
    Optional<TransferResult.Refused> refusal = checkResolvable(capture.holdId(), ledger);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Transfer hold = ledger.transfer(capture.holdId()).orElseThrow();
    if (hold.isExpiredAt(now)) {
      return new TransferResult.Refused(TransferRefusal.HOLD_EXPIRED);
    }
    if (capture.amount().isGreaterThan(hold.amount())) {
      return new TransferResult.Refused(TransferRefusal.CAPTURE_EXCEEDS_HOLD);
    }
    Transfer transfer = Transfer.recordCapture(newId, capture.key(), hold, capture.amount(), now);
    return resolution(transfer, hold, ledger);
  }

  private static TransferResult decideRelease(
      TransferRequest.Release release, LedgerView ledger, TransferId newId, Instant now) {
    Optional<TransferResult.Refused> refusal = checkResolvable(release.holdId(), ledger);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Transfer hold = ledger.transfer(release.holdId()).orElseThrow();
    Transfer transfer = Transfer.recordRelease(newId, release.key(), hold, release.reason(), now);
    return resolution(transfer, hold, ledger);
  }

  private static Optional<TransferResult.Refused> checkResolvable(TransferId holdId, LedgerView ledger) {
    Optional<Transfer> hold = ledger.transfer(holdId);
    if (hold.isEmpty()) {
      return refused(TransferRefusal.HOLD_NOT_FOUND);
    }
    if (hold.get().type() != TransferType.HOLD) {
      return refused(TransferRefusal.NOT_A_HOLD);
    }
    Optional<Transfer> resolution = ledger.resolutionOf(holdId);
    if (resolution.isPresent()) {
      return refused(resolution.get().type() == TransferType.CAPTURE
          ? TransferRefusal.HOLD_ALREADY_CAPTURED
          : TransferRefusal.HOLD_ALREADY_RELEASED);
    }
    return Optional.empty();
  }

  private static TransferResult resolution(Transfer transfer, Transfer hold, LedgerView ledger) {
    // The hold's accounts exist: the hold could not have been recorded otherwise.
    AccountBalance debit = accountOf(hold.debit(), ledger).orElseThrow();
    AccountBalance credit = accountOf(hold.credit(), ledger).orElseThrow();
    return recorded(transfer, debit, credit, hold.amount());
  }

  private static TransferResult recorded(Transfer transfer, AccountBalance debit, AccountBalance credit, Credits held) {
    return new TransferResult.Recorded(transfer, debit.apply(transfer, held), credit.apply(transfer, held));
  }

  private static Optional<AccountBalance> accountOf(AccountId account, LedgerView ledger) {
    Optional<AccountBalance> stored = ledger.account(account);
    // System accounts always exist; a user account exists once opened at registration.
    if (stored.isPresent() || account instanceof UserAccount) {
      return stored;
    }
    return Optional.of(AccountBalance.empty(account));
  }

  private static Optional<TransferResult.Refused> refused(TransferRefusal reason) {
    return Optional.of(new TransferResult.Refused(reason));
  }
}
