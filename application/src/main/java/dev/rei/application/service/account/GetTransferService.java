package dev.rei.application.service.account;

import dev.rei.application.port.in.account.GetTransferUseCase;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.user.UserId;
import java.util.Optional;

/** Reads one transfer for its owner; another user's transfer reads as absent, not as forbidden, so ids leak nothing. */
public final class GetTransferService implements GetTransferUseCase {

  private final LedgerStore ledger;

  public GetTransferService(LedgerStore ledger) {
    this.ledger = ledger;
  }

  @Override
  public Optional<Transfer> transfer(UserId owner, TransferId id) {
    AccountId account = AccountId.user(owner);
    return ledger.transfer(id).filter(t -> t.debit().equals(account) || t.credit().equals(account));
  }
}
