package dev.rei.application.service.job;

import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Notice;
import dev.rei.application.service.Notifier;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobChange;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferRefusal;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyPoolPolicy;
import java.util.Map;

/**
 * Carries out a {@link JobChange} inside the caller's transaction: stores the job, applies its
 * hold action to the ledger, tells the user, and reports the key. Shared by every job service so
 * each change is applied the same way.
 */
public final class JobOutcomes {

  private final JobStore jobs;
  private final LedgerStore ledger;
  private final KeyHealthStore keyHealth;
  private final KeyPoolPolicy keyPolicy;
  private final Notifier notifier;
  private final Clock clock;
  private final IdGenerator ids;

  public JobOutcomes(JobStore jobs, LedgerStore ledger, KeyHealthStore keyHealth, KeyPoolPolicy keyPolicy,
      Notifier notifier, Clock clock, IdGenerator ids) {
    this.jobs = jobs;
    this.ledger = ledger;
    this.keyHealth = keyHealth;
    this.keyPolicy = keyPolicy;
    this.notifier = notifier;
    this.clock = clock;
    this.ids = ids;
  }

  public Job apply(JobChange change) {
    Job job = change.job();
    change.ledgerRequest().ifPresent(request -> applyToLedger(job, request));
    jobs.update(job);
    notifyUser(change);
    change.keyReport().filter(report -> report.effect() != KeyEffect.NONE).ifPresent(report -> {
      keyHealth.block(report.key(), new KeyBlock(report.effect(),
          clock.now().plus(report.effect() == KeyEffect.BLOCK ? keyPolicy.billingBlock() : keyPolicy.coolDown())));
      if (report.effect() == KeyEffect.BLOCK) {
        notifier.alertAdmins("provider_billing", report.key().toString(), Map.of("key", report.key().toString(), "jobId", job.id().toString()));
      }
    });
    return job;
  }

  private void applyToLedger(Job job, TransferRequest request) {
    TransferResult result = ledger.apply(request, TransferId.of(ids.newId()), clock.now());
    if (result instanceof TransferResult.Refused refused) {
      // The sweeper may have released an expired hold already: the credits are back, which is what a release wants.
      boolean alreadyReleased = request instanceof TransferRequest.Release
          && refused.reason() == TransferRefusal.HOLD_ALREADY_RELEASED;
      if (!alreadyReleased) {
        throw new IllegalStateException("job " + job.id() + ": " + request.key() + " refused: " + refused.reason());
      }
    }
  }

  private void notifyUser(JobChange change) {
    Job job = change.job();
    Map<String, String> values = jobValues(job);
    switch (change.notice()) {
      case NONE, RESULT_READY -> { }
      case RETRYING -> notifier.tell(job.userId(), Notice.Type.JOB_RETRYING, values);
      case FAILED -> notifier.tell(job.userId(), Notice.Type.JOB_FAILED, with(values, "failureClass",
          job.lastFailure().map(f -> f.failureClass().name()).orElse(FailureClass.UNKNOWN.name())));
      case CANCELLED -> notifier.tell(job.userId(), Notice.Type.JOB_CANCELLED, values);
      case EXPIRED -> notifier.tell(job.userId(), Notice.Type.JOB_EXPIRED, values);
    }
  }

  /** What every job notice carries: the chat adapter finds the order's status message by {@code orderId}. */
  static Map<String, String> jobValues(Job job) {
    return Map.of("jobId", job.id().toString(), "orderId", job.orderId().toString(), "kind", job.kind().name(),
        "price", job.price().toString());
  }

  static Map<String, String> with(Map<String, String> values, String name, String value) {
    Map<String, String> more = new java.util.TreeMap<>(values);
    more.put(name, value);
    return more;
  }

  /** The job's result message, written with the capture. */
  void deliver(Job job) {
    notifier.tell(job.userId(), Notice.Type.JOB_RESULT, with(jobValues(job), "result", job.result().orElseThrow().value()));
  }
}
