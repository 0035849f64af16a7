package dev.rei.bootstrap.http;

import dev.rei.bootstrap.logging.SecretMasker;
import dev.rei.bootstrap.run.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A check that answers within {@code timeout}: a database that hangs reads as down rather than
 * hanging the health endpoint. At most one run of the check is in flight; a probe that arrives
 * while one is still running waits for that same run instead of piling up threads.
 */
final class TimedHealthCheck implements HealthCheck {

  private static final int MAX_PROBLEM_LENGTH = 300;
  private static final Executor EXECUTOR = Executors.newCachedThreadPool(new DaemonThreads("rei-health"));

  private final HealthCheck check;
  private final Duration timeout;
  private CompletableFuture<Health> inFlight;

  TimedHealthCheck(HealthCheck check, Duration timeout) {
    this.check = check;
    this.timeout = timeout;
  }

  @Override
  public Health check() {
    CompletableFuture<Health> run;
    synchronized (this) {
      if (inFlight == null || inFlight.isDone()) {
        inFlight = CompletableFuture.supplyAsync(check::check, EXECUTOR);
      }
      run = inFlight;
    }
    try {
      return run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Health.down("no answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down("interrupted");
    } catch (ExecutionException e) {
      return Health.down(describe(e.getCause()));
    }
  }

  /** The exception for the operator: masked (a driver message may quote a URL), and short. */
  static String describe(Throwable e) {
    String text = SecretMasker.mask(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    return text.length() <= MAX_PROBLEM_LENGTH ? text : text.substring(0, MAX_PROBLEM_LENGTH - 1) + "…";
  }
}
