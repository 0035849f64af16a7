package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rei.application.port.in.job.ReleaseLeasesUseCase;
import dev.rei.application.port.in.job.RunNextJobUseCase;
import dev.rei.application.port.in.job.SweepJobsUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.bootstrap.config.WorkerSettings;
import dev.rei.bootstrap.run.JobWorkers;
import dev.rei.bootstrap.run.OutboxDispatcher;
import dev.rei.bootstrap.run.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The background loops over the use cases: job workers, sweeper, payment reconciler, outbox dispatcher. */
public final class BackgroundModule extends AbstractModule {

  static final String SWEEPER = "sweeper";
  static final String PAYMENT_RECONCILER = "payment reconciler";
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
}
