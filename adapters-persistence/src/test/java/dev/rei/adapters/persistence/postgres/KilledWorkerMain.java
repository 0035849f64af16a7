package dev.rei.adapters.persistence.postgres;

import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.limits.OrderLimits;
import java.time.Instant;

/**
 * A worker process that claims jobs and then hangs inside the provider call, holding their leases,
 * until it is killed: {@code <jdbc url> <user> <password> <instant> <threads>}.
 */
public final class KilledWorkerMain {

  private KilledWorkerMain() {}

  public static void main(String[] args) throws Exception {
    TestDatabases.Credentials credentials = new TestDatabases.Credentials(args[0], args[1], args[2]);
    PostgresCore core = new PostgresCore(credentials, Instant.parse(args[3]), OrderLimits.DEFAULT, Credits.ZERO,
        Integer.parseInt(args[4]) + 2);
    core.provider.onSubmit((job, key) -> {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Outcome.Failed(dev.rei.domain.job.Failure.of(dev.rei.domain.job.FailureClass.UNKNOWN, "interrupted"));
    });
    for (int i = 0; i < Integer.parseInt(args[4]); i++) {
      WorkerId worker = new WorkerId("doomed-" + i);
      new Thread(() -> core.runNext.runNext(worker)).start();
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
