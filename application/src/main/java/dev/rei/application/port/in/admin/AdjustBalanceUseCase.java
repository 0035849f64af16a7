package dev.rei.application.port.in.admin;

import dev.rei.domain.ledger.Transfer;
import java.util.Objects;

/** An operator adds or takes credits, with a reason; audited and shown in the user's history. */
public interface AdjustBalanceUseCase {

  Result adjust(AdjustBalanceCommand command);

  /** The adjustment's transfer (the first one, for a repeated key), or why there is none. */
  sealed interface Result {
    record Adjusted(Transfer transfer, boolean replayed) implements Result {
      public Adjusted {
        Objects.requireNonNull(transfer, "transfer");
      }
    }

    record Refused(AdminRefusal reason) implements Result {
      public Refused {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
