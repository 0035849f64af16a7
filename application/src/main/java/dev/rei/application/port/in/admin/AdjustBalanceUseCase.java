package dev.rei.application.port.in.admin;

import dev.rei.domain.ledger.Transfer;
import java.util.Objects;

/** An operator adds or takes credits, with a reason; audited and shown in the user's history as an adjustment. */
public interface AdjustBalanceUseCase {

  Result adjust(AdjustBalanceCommand command);

  /** The adjustment's transfer, or why there is none. */
  sealed interface Result {

    /** The credits moved; {@code replayed} when the key had been used before and this is the first result again. */
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
