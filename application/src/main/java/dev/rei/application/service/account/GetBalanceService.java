package dev.rei.application.service.account;

import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;

/** Reads a user's balance from the ledger. */
public final class GetBalanceService implements GetBalanceUseCase {

  private final LedgerStore ledger;

  public GetBalanceService(LedgerStore ledger) {
    this.ledger = ledger;
  }

  @Override
  public UserBalance balance(UserId user) {
    return ledger.balanceOf(user);
  }
}
