package dev.rei.application.port.in.job;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.user.UserId;
import java.util.Optional;

/** One of a user's own generations; someone else's reads as absent, so ids leak nothing. */
public interface GetGenerationUseCase {

  Optional<Job> generation(UserId owner, JobId id);
}
