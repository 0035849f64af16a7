package dev.rei.application.port.in.job;

/** Expires late jobs, rescues jobs whose worker vanished, and releases expired holds. */
public interface SweepJobsUseCase {

  SweepReport sweep();

  /**
   * What one sweep did. {@code failures} names each job or hold whose change threw (at most
   * {@link #MAX_FAILURES} of them), so an operator sees the cause; the sweep went on with the others.
   */
  record SweepReport(int expired, int rescued, int holdsReleased, java.util.List<String> failures) {

    public static final int MAX_FAILURES = 20;

    public SweepReport {
      failures = java.util.List.copyOf(failures);
    }

    public SweepReport(int expired, int rescued, int holdsReleased) {
      this(expired, rescued, holdsReleased, java.util.List.of());
    }
  }
}
