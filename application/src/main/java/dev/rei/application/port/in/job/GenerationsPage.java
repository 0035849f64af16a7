package dev.rei.application.port.in.job;

import dev.rei.domain.job.Job;
import java.util.List;
import java.util.Objects;

/** One page of a user's generations, newest first; {@code hasMore} says whether a next page has any. */
public record GenerationsPage(List<Job> jobs, int page, boolean hasMore) {

  public GenerationsPage {
    Objects.requireNonNull(jobs, "jobs");
    jobs = List.copyOf(jobs);
    if (page < 0) {
      throw new IllegalArgumentException("page cannot be negative, was " + page);
    }
  }
}
