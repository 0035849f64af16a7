package dev.rei.adapters.providers;

import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/** Jobs as a worker hands them to a provider: claimed, on their first (or n-th) attempt. */
public final class TestJobs {

  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final WorkerId WORKER = new WorkerId("test-worker");

  private TestJobs() {}

  /** A job of {@code kind} with {@code parameters}, on its first attempt. */
  public static Job running(JobKind kind, Map<String, String> parameters) {
    return onAttempt(kind, parameters, 1);
  }

  /** A job of {@code kind} with {@code parameters}, on attempt {@code attempt} (earlier ones failed as TEMPORARY). */
  public static Job onAttempt(JobKind kind, Map<String, String> parameters, int attempt) {
    Job job = Job.queue(JobId.of(UUID.randomUUID()), OrderId.of(UUID.randomUUID()), UserId.of(1_001), kind,
        JobParameters.of(parameters), Credits.of(25), TransferId.of(UUID.randomUUID()), T0.plus(Duration.ofHours(1)),
        T0);
    Instant now = T0;
    job = job.claim(WORKER, now, Duration.ofMinutes(5)).job();
    RetryPolicy retryAlways = new RetryPolicy(attempt + 1, Map.of(FailureClass.TEMPORARY, Duration.ofSeconds(1)), 1.0,
        0.0);
    while (job.attempts() < attempt) {
      job = job.attemptFailed(job.lease().orElseThrow(), Failure.of(FailureClass.TEMPORARY, "test"),
          Optional.<KeyId>empty(), retryAlways, now, new SplittableRandom(1)).job();
      now = job.nextAttemptAt().orElseThrow();
      job = job.claim(WORKER, now, Duration.ofMinutes(5)).job();
    }
    return job;
  }
}
