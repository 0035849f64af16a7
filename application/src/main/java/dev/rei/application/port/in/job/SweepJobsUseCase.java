package dev.rei.application.port.in.job;

/** Expires late jobs, rescues jobs whose worker vanished, and releases expired holds. */
public interface SweepJobsUseCase {

  SweepReport sweep();

  /** What one sweep did. */
  record SweepReport(int expired, int rescued, int holdsReleased) {}
}
