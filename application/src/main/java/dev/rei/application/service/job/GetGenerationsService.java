package dev.rei.application.service.job;

import dev.rei.application.port.in.job.GenerationsPage;
import dev.rei.application.port.in.job.GenerationsQuery;
import dev.rei.application.port.in.job.GetGenerationsUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.JobStore;
import dev.rei.domain.job.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads one page of a user's generations from the job store. */
public final class GetGenerationsService implements GetGenerationsUseCase {

  private final JobStore jobs;
  private final Clock clock;

  public GetGenerationsService(JobStore jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public GenerationsPage generations(GenerationsQuery query) {
    Instant since = clock.now().minus(Duration.ofDays(query.days()));
    // One row more than a page tells whether another page follows, without counting them all.
    List<Job> rows = jobs.ofUserSince(query.user(), since, query.offset(), query.pageSize() + 1);
    boolean hasMore = rows.size() > query.pageSize();
    return new GenerationsPage(hasMore ? rows.subList(0, query.pageSize()) : rows, query.page(), hasMore);
  }
}
