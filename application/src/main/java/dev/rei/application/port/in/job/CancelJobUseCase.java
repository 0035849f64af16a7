package dev.rei.application.port.in.job;

/** Cancels a job that has not produced its result yet, returning its credits. */
public interface CancelJobUseCase {

  CancelResult cancel(CancelJobCommand command);
}
