package dev.rei.application.port.in.admin;

import dev.rei.domain.user.UserId;
import java.util.Objects;

/** The operator's dashboard: users, jobs, credits, revenue and the outbox, as of now. */
public interface GetStatsUseCase {

  StatsResult stats(UserId admin);

  /** The figures, or a refusal. */
  sealed interface StatsResult {
    record Report(Stats stats) implements StatsResult {
      public Report {
        Objects.requireNonNull(stats, "stats");
      }
    }

    record Refused(AdminRefusal reason) implements StatsResult {
      public Refused {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
