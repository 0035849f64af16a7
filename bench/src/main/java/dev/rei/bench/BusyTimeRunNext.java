package dev.rei.bench;

import dev.rei.application.port.in.job.RunNextJobUseCase;
import dev.rei.application.port.in.job.WorkResult;
import dev.rei.domain.job.WorkerId;
import java.util.concurrent.atomic.LongAdder;

/**
 * The workers' use case, adding up the time they spend inside steps that did something and inside
 * claims that found nothing due: what is left of their wall time they spent resting on the work
 * signal, which tells a saturated worker process from an idle one.
 */
final class BusyTimeRunNext implements RunNextJobUseCase {

  private final RunNextJobUseCase run;
  private final LongAdder workedNanos = new LongAdder();
  private final LongAdder worked = new LongAdder();
  private final LongAdder idleNanos = new LongAdder();
  private final LongAdder idle = new LongAdder();

  BusyTimeRunNext(RunNextJobUseCase run) {
    this.run = run;
  }

  @Override
  public WorkResult runNext(WorkerId worker) {
    long started = System.nanoTime();
    WorkResult result = run.runNext(worker);
    long took = System.nanoTime() - started;
    if (result instanceof WorkResult.Idle) {
      idleNanos.add(took);
      idle.increment();
    } else {
      workedNanos.add(took);
      worked.increment();
    }
    return result;
  }

  Totals totals() {
    return new Totals(worked.sum(), workedNanos.sum(), idle.sum(), idleNanos.sum());
  }

  /** Running totals; subtract two to get a window's. */
  record Totals(long steps, long stepNanos, long emptyClaims, long emptyClaimNanos) {

    Totals minus(Totals earlier) {
      return new Totals(steps - earlier.steps, stepNanos - earlier.stepNanos, emptyClaims - earlier.emptyClaims,
          emptyClaimNanos - earlier.emptyClaimNanos);
    }
  }
}
