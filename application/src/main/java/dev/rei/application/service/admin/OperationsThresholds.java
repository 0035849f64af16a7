package dev.rei.application.service.admin;

import java.time.Duration;
import java.util.Objects;

/**
 * When the operations watch alerts admins. Failure rate: of the jobs that finished in the last
 * {@code failureWindow} (cancelled ones aside), at least {@code failureMinJobs} finished and a
 * share of at least {@code failureRate} failed or expired. Backlog: at least {@code backlogJobs}
 * queued jobs are due, or the one due first has waited longer than {@code backlogAge}.
 */
public record OperationsThresholds(Duration failureWindow, int failureMinJobs, double failureRate, long backlogJobs,
    Duration backlogAge) {

  /** The defaults of {@code .env.example}: 30 minutes, 10 jobs, 30 %; 100 jobs or 10 minutes. */
  public static final OperationsThresholds DEFAULT =
      new OperationsThresholds(Duration.ofMinutes(30), 10, 0.3, 100, Duration.ofMinutes(10));

  public OperationsThresholds {
    Objects.requireNonNull(failureWindow, "failureWindow");
    Objects.requireNonNull(backlogAge, "backlogAge");
    if (failureWindow.isNegative() || failureWindow.isZero() || backlogAge.isNegative() || backlogAge.isZero()) {
      throw new IllegalArgumentException("the failure window and the backlog age are positive");
    }
    if (failureMinJobs < 1 || backlogJobs < 1) {
      throw new IllegalArgumentException("the minimum finished jobs and the backlog threshold are at least 1");
    }
    if (!(failureRate > 0 && failureRate <= 1)) {
      throw new IllegalArgumentException("the failure rate is a share above 0 and at most 1, was " + failureRate);
    }
  }
}
