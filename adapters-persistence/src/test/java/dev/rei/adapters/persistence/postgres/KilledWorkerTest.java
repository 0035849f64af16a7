package dev.rei.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.application.port.in.job.WorkResult;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.service.job.JobTimings;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.pricing.QuoteResult;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A worker in another JVM claims jobs and is killed mid-call; after its leases expire the sweeper
 * hands the jobs to a healthy worker, and each completes once and is charged once.
 */
class KilledWorkerTest {

  private static final UserId USER = UserId.of(11);
  private static final int DOOMED_THREADS = 4;

  @Test
  void givenWorkerKilledWhileHoldingLeases_jobsAreRescuedAndEachChargedOnce() throws Exception {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    try (PostgresCore core = new PostgresCore(credentials, PostgresCore.START,
        new OrderLimits(100, Credits.of(1_000)), Credits.of(10), 4)) {
      core.register.register(new RegisterUserCommand(USER, Language.RU));
      Quote quote = ((QuoteResult.Quoted) core.quotes.quote(new QuoteCommand(USER, new PricedItem.ReelsVideo(), 5))
          .result()).quote();
      assertThat(core.placeOrder.placeOrder(new PlaceOrderCommand(USER, quote, JobParameters.NONE,
          IdempotencyKey.of("press")))).isInstanceOf(PlaceOrderResult.Placed.class);

      Process doomed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), KilledWorkerMain.class.getName(),
          credentials.url(), credentials.user(), credentials.password(), PostgresCore.START.toString(),
          Integer.toString(DOOMED_THREADS))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> running(core) == DOOMED_THREADS);
      } finally {
        doomed.destroyForcibly().waitFor();
      }

      // Nothing happens before the leases run out: the jobs still belong to the dead worker.
      assertThat(core.sweep.sweep().rescued()).isZero();
      core.clock.advance(JobTimings.DEFAULT.lease().plusSeconds(1));
      assertThat(core.sweep.sweep().rescued()).isEqualTo(DOOMED_THREADS);
      core.clock.advance(Duration.ofMinutes(1));
      WorkerId healthy = new WorkerId("healthy");
      while (!(core.runNext.runNext(healthy) instanceof WorkResult.Idle)) {
        // Finish everything: the rescued jobs and the ones the dead worker never reached.
      }

      assertThat(core.database.jobs().countByState()).containsExactlyEntriesOf(Map.of(JobState.SUCCEEDED, 5L));
      List<Transfer> transfers = core.database.ledger().transfers();
      Map<Object, Long> capturesPerHold = transfers.stream().filter(t -> t.type() == TransferType.CAPTURE)
          .collect(Collectors.groupingBy(t -> t.pendingId().orElseThrow(), Collectors.counting()));
      assertThat(capturesPerHold).hasSize(5).allSatisfy((hold, count) -> assertThat(count).isEqualTo(1));
      assertThat(core.database.ledger().balanceOf(USER))
          .isEqualTo(new UserBalance(Credits.of(5), Credits.ZERO, Credits.of(5)));
      assertThat(core.audit()).isEmpty();
    }
  }

  private static long running(PostgresCore core) {
    return core.database.jobs().countByState().getOrDefault(JobState.RUNNING, 0L);
  }
}
