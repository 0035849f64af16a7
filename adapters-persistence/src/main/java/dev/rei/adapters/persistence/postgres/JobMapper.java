package dev.rei.adapters.persistence.postgres;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.JobsRecord;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Lease;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import dev.rei.domain.user.UserId;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Job rows to {@link Job} and back, every field, so a stored job comes back equal. */
final class JobMapper {

  private JobMapper() {}

  static void fill(JobsRecord row, Job job) {
    row.setId(job.id().value());
    row.setOrderId(job.orderId().value());
    row.setUserId(job.userId().value());
    row.setKind(job.kind().name());
    row.setParameters(JsonMaps.toJson(job.parameters().values()));
    row.setPrice(job.price().value());
    row.setHoldId(job.holdId().value());
    row.setState(job.state().name());
    row.setAttempts(job.attempts());
    row.setFence(job.fence());
    row.setNextAttemptAt(time(job.nextAttemptAt()));
    row.setLeaseWorker(job.lease().map(l -> l.worker().value()).orElse(null));
    row.setLeaseFence(job.lease().map(Lease::fence).orElse(null));
    row.setLeaseExpiresAt(time(job.lease().map(Lease::expiresAt)));
    row.setProviderName(job.providerTask().map(t -> t.key().provider().value()).orElse(null));
    row.setProviderKeyIndex(job.providerTask().map(t -> t.key().index()).orElse(null));
    row.setProviderTaskId(job.providerTask().map(ProviderTask::taskId).orElse(null));
    row.setNextPollAt(time(job.nextPollAt()));
    row.setProgress(job.progress().percent());
    row.setResultRef(job.result().map(ResultRef::value).orElse(null));
    row.setFailureClass(job.lastFailure().map(f -> f.failureClass().name()).orElse(null));
    row.setFailureMessage(job.lastFailure().map(Failure::message).orElse(null));
    row.setRetryNoticeSent(job.retryNoticeSent());
    row.setCancelledBy(job.cancelledBy().map(Enum::name).orElse(null));
    row.setDeadline(Times.toDb(job.deadline()));
    row.setCreatedAt(Times.toDb(job.createdAt()));
    row.setUpdatedAt(Times.toDb(job.updatedAt()));
  }

  static Job toJob(JobsRecord row) {
    Optional<Lease> lease = row.getLeaseWorker() == null
        ? Optional.empty()
        : Optional.of(new Lease(new WorkerId(row.getLeaseWorker()), row.getLeaseFence(),
            Times.fromDb(row.getLeaseExpiresAt())));
    Optional<ProviderTask> task = row.getProviderTaskId() == null
        ? Optional.empty()
        : Optional.of(new ProviderTask(new KeyId(ProviderName.of(row.getProviderName()), row.getProviderKeyIndex()),
            row.getProviderTaskId()));
    Optional<Failure> failure = row.getFailureClass() == null
        ? Optional.empty()
        : Optional.of(new Failure(FailureClass.valueOf(row.getFailureClass()), row.getFailureMessage()));
    return new Job(JobId.of(row.getId()), OrderId.of(row.getOrderId()), UserId.of(row.getUserId()),
        JobKind.valueOf(row.getKind()), JobParameters.of(JsonMaps.fromJson(row.getParameters(), "job parameters")), Credits.of(row.getPrice()),
        TransferId.of(row.getHoldId()), JobState.valueOf(row.getState()), row.getAttempts(), row.getFence(),
        instant(row.getNextAttemptAt()), lease, task, instant(row.getNextPollAt()), Progress.of(row.getProgress()),
        Optional.ofNullable(row.getResultRef()).map(ResultRef::new), failure, row.getRetryNoticeSent(),
        Optional.ofNullable(row.getCancelledBy()).map(CancelledBy::valueOf), Times.fromDb(row.getDeadline()),
        Times.fromDb(row.getCreatedAt()), Times.fromDb(row.getUpdatedAt()));
  }

  private static OffsetDateTime time(Optional<java.time.Instant> instant) {
    return instant.map(Times::toDb).orElse(null);
  }

  private static Optional<java.time.Instant> instant(OffsetDateTime time) {
    return Optional.ofNullable(time).map(Times::fromDb);
  }
}
