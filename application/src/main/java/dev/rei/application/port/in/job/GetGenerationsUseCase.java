package dev.rei.application.port.in.job;

/** A user's own generations (jobs) of the last days, newest first, paged. */
public interface GetGenerationsUseCase {

  GenerationsPage generations(GenerationsQuery query);
}
