package dev.rei.application.port.in.job;

import dev.rei.domain.job.WorkerId;

/** Claims the next due job and takes one step with it: an attempt, a poll or a delivery. */
public interface RunNextJobUseCase {

  WorkResult runNext(WorkerId worker);
}
