package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rei.application.port.in.admin.WatchLedgerUseCase;
import dev.rei.application.port.in.admin.WatchOperationsUseCase;
import dev.rei.application.port.in.job.ReleaseLeasesUseCase;
import dev.rei.application.port.in.job.RunNextJobUseCase;
import dev.rei.application.port.in.job.SweepJobsUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.bootstrap.config.WorkerSettings;
import dev.rei.bootstrap.http.JobDurations;
import dev.rei.bootstrap.run.JobWorkers;
import dev.rei.bootstrap.run.OutboxDispatcher;
import dev.rei.bootstrap.run.PeriodicTask;
import dev.rei.domain.ledger.LedgerViolation;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background loops over the use cases: job workers, sweeper, payment reconciler, outbox dispatcher,
 * and the watches that alert admins (operations, ledger) with the job-duration recorder.
 */
public final class BackgroundModule extends AbstractModule {

  static final String SWEEPER = "sweeper";
  static final String PAYMENT_RECONCILER = "payment reconciler";
  static final String OPERATIONS_WATCH = "operations watch";
  static final String LEDGER_WATCH = "ledger watch";
  static final String JOB_DURATIONS = "job durations";
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundModule.class);

  @Provides
  @Singleton
  JobWorkers jobWorkers(RunNextJobUseCase runNext, ReleaseLeasesUseCase releaseLeases, WorkSignal signal,
      Clock clock, WorkerSettings settings, ProcessId process, MeterRegistry metrics) {
    return new JobWorkers(runNext, releaseLeases, signal, clock, settings.threads(), settings.idlePoll(), process.value(),
        metrics);
  }

  @Provides
  @Singleton
  @Named(SWEEPER)
  PeriodicTask sweeper(SweepJobsUseCase sweep, WorkerSettings settings) {
    return new PeriodicTask(SWEEPER, settings.sweepInterval(), () -> {
      SweepJobsUseCase.SweepReport report = sweep.sweep();
      if (report.expired() + report.rescued() + report.holdsReleased() > 0) {
        LOG.info("sweep: {} job(s) expired, {} rescued from vanished workers, {} expired hold(s) released",
            report.expired(), report.rescued(), report.holdsReleased());
      }
    });
  }

  @Provides
  @Singleton
  @Named(PAYMENT_RECONCILER)
  PeriodicTask paymentReconciler(ReconcilePaymentsUseCase reconcile, WorkerSettings settings) {
    return new PeriodicTask(PAYMENT_RECONCILER, settings.reconcileInterval(), () -> {
      ReconcilePaymentsUseCase.ReconcileReport report = reconcile.reconcile();
      if (report.checked() > 0) {
        LOG.info("payments reconciled: {} checked, {} settled, {} canceled, {} expired, {} rail(s) unavailable",
            report.checked(), report.settled(), report.canceled(), report.expired(), report.unavailable());
      }
    });
  }

  @Provides
  @Singleton
  OutboxDispatcher outboxDispatcher(DispatchOutboxUseCase dispatch, WorkerSettings settings, MeterRegistry metrics) {
    return new OutboxDispatcher(dispatch, settings.outboxBatch(), settings.outboxPoll(), metrics);
  }

  /** Failure rate, backlog and key pools, checked in the bot process; the alert throttle makes a second one harmless. */
  @Provides
  @Singleton
  @Named(OPERATIONS_WATCH)
  PeriodicTask operationsWatch(WatchOperationsUseCase watch, WorkerSettings settings) {
    return new PeriodicTask(OPERATIONS_WATCH, settings.operationsWatchInterval(), () -> {
      WatchOperationsUseCase.Findings findings = watch.watch();
      if (!findings.alerted().isEmpty()) {
        LOG.warn("operations watch alerted admins: {} ({} of {} finished jobs failed, {} queued job(s) due,"
            + " pools with no usable key: {})", findings.alerted(), findings.failed(), findings.finished(),
            findings.queuedDue(), findings.exhaustedPools());
      }
    });
  }

  @Provides
  @Singleton
  @Named(LEDGER_WATCH)
  PeriodicTask ledgerWatch(WatchLedgerUseCase watch, WorkerSettings settings) {
    return new PeriodicTask(LEDGER_WATCH, settings.ledgerCheckInterval(), () -> {
      List<LedgerViolation> violations = watch.check();
      if (!violations.isEmpty()) {
        LOG.error("ledger audit: {} violation(s), the first: {}: {}", violations.size(),
            violations.get(0).invariant(), violations.get(0).detail());
      }
    });
  }

  @Provides
  @Singleton
  @Named(JOB_DURATIONS)
  PeriodicTask jobDurations(UnitOfWork unitOfWork, JobStore jobs, Clock clock, MeterRegistry metrics) {
    return new PeriodicTask(JOB_DURATIONS, JobDurations.INTERVAL, new JobDurations(unitOfWork, jobs, clock, metrics));
  }
}
