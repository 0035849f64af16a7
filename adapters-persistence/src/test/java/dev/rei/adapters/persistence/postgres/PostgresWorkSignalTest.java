package dev.rei.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** NOTIFY reaches a waiting worker when the signalling transaction commits, and not if it rolls back. */
class PostgresWorkSignalTest {

  @Test
  void givenWaitingWorker_aCommittedSignal_wakesIt_andARolledBackOneDoesNot() throws Exception {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    try (PostgresDatabase db = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), 2);
         PostgresWorkSignal signal = new PostgresWorkSignal(db.unitOfWork(), credentials.url(), credentials.user(),
             credentials.password())) {
      // Let the listener connect: a signal sent before LISTEN runs is not seen, by design of NOTIFY.
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(() -> awaitQuietly(signal, Duration.ofMillis(300)));
        signal.signal();
        return probe.get(5, TimeUnit.SECONDS);
      });
      // A probe that timed out may still have a notification on its way; let it arrive before counting.
      Thread.sleep(600);

      CompletableFuture<Boolean> rolledBack = CompletableFuture.supplyAsync(() -> awaitQuietly(signal, Duration.ofMillis(700)));
      try {
        db.unitOfWork().inTransaction(() -> {
          signal.signal();
          throw new IllegalStateException("roll back");
        });
      } catch (IllegalStateException expected) {
        // Only what follows matters.
      }
      assertThat(rolledBack.get(5, TimeUnit.SECONDS)).isFalse();

      CompletableFuture<Boolean> committed = CompletableFuture.supplyAsync(() -> awaitQuietly(signal, Duration.ofSeconds(5)));
      Thread.sleep(50);
      db.unitOfWork().inTransaction(signal::signal);
      assertThat(committed.get(6, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static boolean awaitQuietly(PostgresWorkSignal signal, Duration timeout) {
    try {
      return signal.await(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
