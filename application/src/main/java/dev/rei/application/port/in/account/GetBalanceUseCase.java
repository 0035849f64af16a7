package dev.rei.application.port.in.account;

import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;

/** A user's credits: posted, held and available. */
public interface GetBalanceUseCase {

  UserBalance balance(UserId user);
}
