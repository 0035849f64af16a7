package dev.rei.domain.job;

import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.ReleaseReason;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * The ledger requests of a job's hold, keyed by the job id so that each can be applied once
 * however often a worker retries: {@code job:<id>:hold}, {@code :capture}, {@code :release}.
 */
public final class JobHolds {

  private JobHolds() {}

  /**
   * The hold placed when the job is ordered. It must expire after the job's deadline: a job
   * captures only before its deadline ({@link Job#resultReady}), and a hold past its expiry can no
   * longer be captured. A margin of a few lease durations lets the sweeper expire the job (and
   * release the hold with the right reason) before the hold's own expiry sweeps it.
   */
  public static TransferRequest.Hold hold(JobId job, UserId user, Credits price, Instant expiresAt) {
    return new TransferRequest.Hold(IdempotencyKey.of("job", job, "hold"), AccountId.user(user),
        SystemAccount.REVENUE, price, TransferKind.SPEND, TransferMemo.of(ReferenceType.JOB, job),
        Optional.of(expiresAt));
  }

  public static TransferRequest.Capture capture(Job job) {
    return new TransferRequest.Capture(IdempotencyKey.of("job", job.id(), "capture"), job.holdId(), job.price());
  }

  public static TransferRequest.Release release(Job job, ReleaseReason reason) {
    return new TransferRequest.Release(IdempotencyKey.of("job", job.id(), "release"), job.holdId(), reason);
  }

  /** The request that carries out {@code action} for {@code job}; empty for {@link HoldAction#NONE}. */
  public static Optional<TransferRequest> requestFor(Job job, HoldAction action) {
    if (action == HoldAction.CAPTURE) {
      return Optional.of(capture(job));
    }
    return action.releaseReason().map(reason -> release(job, reason));
  }
}
