package dev.rei.domain.job;

import dev.rei.domain.ledger.TransferRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * A transition's full result: the job after it, what to do with the job's hold, what to report
 * about the provider key the attempt used, and what to tell the user. The caller applies all of
 * it in one transaction.
 */
public record JobChange(Job job, HoldAction holdAction, Optional<KeyReport> keyReport, JobNotice notice) {

  public JobChange {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(holdAction, "holdAction");
    Objects.requireNonNull(keyReport, "keyReport");
    Objects.requireNonNull(notice, "notice");
  }

  static JobChange quiet(Job job) {
    return new JobChange(job, HoldAction.NONE, Optional.empty(), JobNotice.NONE);
  }

  /** The ledger request for {@link #holdAction()}, if it has one. */
  public Optional<TransferRequest> ledgerRequest() {
    return JobHolds.requestFor(job, holdAction);
  }
}
