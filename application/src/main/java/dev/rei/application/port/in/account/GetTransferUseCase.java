package dev.rei.application.port.in.account;

import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.user.UserId;
import java.util.Optional;

/** One transfer's details, shown only to the user whose account it moved credits to or from. */
public interface GetTransferUseCase {

  /** The transfer, or empty if there is none or it does not touch {@code owner}'s account. */
  Optional<Transfer> transfer(UserId owner, TransferId id);
}
