package dev.rei.application.port.in.admin;

import dev.rei.domain.provider.ProviderName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks at the job failure rate, the queue backlog and the provider key pools, and alerts admins
 * about each one over its threshold (deduplicated: one alert per kind of trouble per alert window).
 * Meant to run every minute or so in one process; a second process running it sends no second alert.
 */
public interface WatchOperationsUseCase {

  Findings watch();

  /**
   * What one look found. {@code finished} and {@code failed} count the jobs that ended in the
   * failure window (failed or expired among succeeded, failed or expired); {@code queuedDue} and
   * {@code oldestDueWait} describe the queue; {@code exhaustedPools} are the pools with no healthy
   * key; {@code alerted} names the alerts actually sent by this look (others were throttled).
   */
  record Findings(long finished, long failed, long queuedDue, Optional<Duration> oldestDueWait,
      List<ProviderName> exhaustedPools, List<String> alerted) {
    public Findings {
      Objects.requireNonNull(oldestDueWait, "oldestDueWait");
      exhaustedPools = List.copyOf(exhaustedPools);
      alerted = List.copyOf(alerted);
    }
  }
}
