package dev.rei.application.port.in.order;

import dev.rei.domain.job.JobParameters;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.user.UserId;
import java.util.Objects;

/**
 * The user confirmed {@code quote} (kept on our side, never read back from a button) with the
 * press named by {@code key}; every job of the order gets {@code parameters}.
 */
public record PlaceOrderCommand(UserId user, Quote quote, JobParameters parameters, IdempotencyKey key) {

  public PlaceOrderCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(key, "key");
  }
}
