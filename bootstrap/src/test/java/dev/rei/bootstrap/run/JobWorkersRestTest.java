package dev.rei.bootstrap.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobWorkersRestTest {

  private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
  private static final Duration IDLE = Duration.ofSeconds(5);

  @Test
  void givenNoWaitingJob_anIdleWorkerRestsTheIdlePoll() {
    assertThat(JobWorkers.restFor(Optional.empty(), IDLE, NOW)).isEqualTo(IDLE);
  }

  @Test
  void givenAJobFallingDueSoon_anIdleWorkerRestsUntilThen_atMostTheIdlePoll() {
    assertThat(JobWorkers.restFor(Optional.of(NOW.plusMillis(1_250)), IDLE, NOW)).isEqualTo(Duration.ofMillis(1_250));
    assertThat(JobWorkers.restFor(Optional.of(NOW.plusSeconds(60)), IDLE, NOW)).isEqualTo(IDLE);
  }

  @Test
  void givenADueTimeAlreadyPast_anIdleWorkerRestsBriefly_neverSpins() {
    assertThat(JobWorkers.restFor(Optional.of(NOW.minusSeconds(3)), IDLE, NOW)).isEqualTo(JobWorkers.BUSY_REST);
    assertThat(JobWorkers.restFor(Optional.of(NOW.plusMillis(10)), IDLE, NOW)).isEqualTo(JobWorkers.BUSY_REST);
  }
}
