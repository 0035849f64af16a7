package dev.rei.application.port.in.admin;

import dev.rei.domain.job.Job;
import dev.rei.domain.ledger.Credits;
import java.util.Objects;

/**
 * An operator retries a job. A live job waiting for its next attempt or poll falls due now. A
 * failed or expired job is ordered again for its user with the same kind and parameters, made free
 * by first granting its price as an adjustment ("retry of job X"). Both happen once per job
 * however often the button is pressed; both are audited.
 */
public interface RetryJobUseCase {

  Result retry(RetryJobCommand command);

  /** What the retry did. */
  sealed interface Result {

    /** The waiting job is due now; {@code changed} is false when it was due already. */
    record MadeDue(Job job, boolean changed) implements Result {
      public MadeDue {
        Objects.requireNonNull(job, "job");
      }
    }

    /** {@code replacement} was ordered for the user, {@code granted} given to pay for it; {@code replayed} when done before. */
    record Reordered(Job replacement, Credits granted, boolean replayed) implements Result {
      public Reordered {
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(granted, "granted");
      }
    }

    record Refused(AdminRefusal reason) implements Result {
      public Refused {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
