package dev.rei.application.service.job;

import dev.rei.application.port.in.job.RunNextJobUseCase;
import dev.rei.application.port.in.job.WorkResult;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.Notice;
import dev.rei.application.service.Notifier;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobChange;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Lease;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.KeyPool;
import dev.rei.domain.provider.KeyPoolPolicy;
import dev.rei.domain.provider.KeySelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One step of a worker: claim the next due job (a short transaction), talk to its provider with no
 * transaction open, then record what happened (another short transaction) — unless the job was
 * taken from this worker meanwhile, in which case the outcome is dropped and nothing is charged.
 */
public final class RunNextJobService implements RunNextJobUseCase {

  private final UnitOfWork unitOfWork;
  private final JobStore jobs;
  private final KeyHealthStore keyHealth;
  private final Map<JobKind, GenerationProvider> providers = new EnumMap<>(JobKind.class);
  private final JobOutcomes outcomes;
  private final Notifier notifier;
  private final Clock clock;
  private final RetryPolicy retryPolicy;
  private final KeyPoolPolicy keyPolicy;
  private final JobTimings timings;
  private final RandomGenerator random;

  public RunNextJobService(UnitOfWork unitOfWork, JobStore jobs, KeyHealthStore keyHealth,
      List<GenerationProvider> providers, JobOutcomes outcomes, Notifier notifier, Clock clock,
      RetryPolicy retryPolicy, KeyPoolPolicy keyPolicy, JobTimings timings, RandomGenerator random) {
    this.unitOfWork = unitOfWork;
    this.jobs = jobs;
    this.keyHealth = keyHealth;
    for (GenerationProvider provider : providers) {
      for (JobKind kind : provider.kinds()) {
        if (this.providers.put(kind, provider) != null) {
          throw new IllegalArgumentException("two providers for " + kind);
        }
      }
    }
    this.outcomes = outcomes;
    this.notifier = notifier;
    this.clock = clock;
    this.retryPolicy = retryPolicy;
    this.keyPolicy = keyPolicy;
    this.timings = timings;
    this.random = random;
  }

  @Override
  public WorkResult runNext(WorkerId worker) {
    Optional<Job> claimed = unitOfWork.inTransaction(() -> jobs.lockNextDue(clock.now()).map(job -> {
      Job mine = job.claim(worker, clock.now(), timings.lease()).job();
      jobs.update(mine);
      return mine;
    }));
    if (claimed.isEmpty()) {
      return new WorkResult.Idle(unitOfWork.inTransaction(jobs::nextDueAt));
    }
    Job job = claimed.get();
    Lease lease = job.lease().orElseThrow();
    return switch (job.state()) {
      case RUNNING -> attempt(job, lease);
      case AWAITING_PROVIDER -> poll(job, lease);
      case DELIVERING -> redeliver(job, lease);
      default -> throw new IllegalStateException("claimed job " + job.id() + " is " + job.state());
    };
  }

  private WorkResult attempt(Job job, Lease lease) {
    GenerationProvider provider = providerFor(job);
    List<KeyId> keys = new ArrayList<>();
    for (int i = 0; i < provider.keyCount(); i++) {
      keys.add(new KeyId(provider.name(), i));
    }
    KeyPool pool = new KeyPool(keyHealth.health(keys), keyPolicy);
    KeySelection selection = pool.select(keyHealth.nextTurn(provider.name()), clock.now());
    boolean keyWasBlocked = !pool.health(selection.key()).isHealthyAt(clock.now());
    Outcome outcome = call(() -> provider.submit(job, selection.key()));
    if (keyWasBlocked && !(outcome instanceof Outcome.Failed)) {
      keyHealth.clear(selection.key());
    }
    return record(job, lease, outcome, Optional.of(selection.key()), selection.allBlocked());
  }

  private WorkResult poll(Job job, Lease lease) {
    Outcome outcome = call(() -> providerFor(job).poll(job.providerTask().orElseThrow()));
    return record(job, lease, outcome, Optional.empty(), false);
  }

  private WorkResult redeliver(Job job, Lease lease) {
    return unitOfWork.inTransaction(() -> {
      Job current = jobs.lock(job.id()).orElseThrow();
      if (!current.isLeasedBy(lease)) {
        return new WorkResult.Worked(job.id(), job.state(), current.state());
      }
      outcomes.deliver(current);
      Job done = outcomes.apply(current.delivered(lease, clock.now()));
      return new WorkResult.Worked(job.id(), job.state(), done.state());
    });
  }

  private WorkResult record(Job claimed, Lease lease, Outcome outcome, Optional<KeyId> key, boolean allKeysBlocked) {
    return unitOfWork.inTransaction(() -> {
      Instant now = clock.now();
      if (allKeysBlocked) {
        notifier.alertAdmins("all_keys_blocked", key.orElseThrow().provider().value(), Map.of("provider", key.orElseThrow().provider().value()));
      }
      Job current = jobs.lock(claimed.id()).orElseThrow();
      if (!current.isLeasedBy(lease)) {
        // Cancelled, expired or taken over while we were away: this outcome is stale and changes nothing.
        return new WorkResult.Worked(claimed.id(), claimed.state(), current.state());
      }
      Job after;
      if (outcome instanceof Outcome.Done done) {
        JobChange ready = current.resultReady(lease, done.result(), now);
        after = outcomes.apply(ready);
        if (after.state() == JobState.DELIVERING) {
          outcomes.deliver(after);
          after = outcomes.apply(after.delivered(lease, now));
        }
      } else if (outcome instanceof Outcome.Pending pending) {
        // A provider that asks to be polled in the past is polled at once, not trusted to break the job.
        Instant pollAt = pending.pollAfter().isNegative() ? now : now.plus(pending.pollAfter());
        after = outcomes.apply(current.state() == JobState.RUNNING
            ? current.submitted(lease, new ProviderTask(key.orElseThrow(), pending.taskId()), pending.progress(),
                pollAt, now)
            : current.stillRunning(lease, pending.progress(), pollAt, now));
        if (after.progress().compareTo(current.progress()) > 0) {
          notifier.tell(after.userId(), Notice.Type.JOB_PROGRESS, JobOutcomes.with(JobOutcomes.jobValues(after),
              "percent", Integer.toString(after.progress().percent())));
        }
      } else {
        Outcome.Failed failed = (Outcome.Failed) outcome;
        Optional<KeyId> blamed = failed.blamedKey().or(() -> key);
        after = outcomes.apply(current.attemptFailed(lease, failed.failure(), blamed, retryPolicy, now, random));
      }
      return new WorkResult.Worked(claimed.id(), claimed.state(), after.state());
    });
  }

  private GenerationProvider providerFor(Job job) {
    GenerationProvider provider = providers.get(job.kind());
    if (provider == null) {
      throw new IllegalStateException("no provider generates " + job.kind());
    }
    return provider;
  }

  /** A provider that throws has a bug or lost the network; either way the attempt failed for now. */
  private static Outcome call(java.util.function.Supplier<Outcome> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return new Outcome.Failed(Failure.of(FailureClass.TEMPORARY, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }
}
