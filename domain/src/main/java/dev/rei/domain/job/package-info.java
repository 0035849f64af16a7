/**
 * Durable generation jobs: the state machine of DESIGN §2.2, the failure classes with their
 * retry, key and notice policy, leases with fencing, deadlines and cancellation.
 *
 * <p>Every transition of a {@link dev.rei.domain.job.Job} returns a {@link
 * dev.rei.domain.job.JobChange}: the job after the move, plus what the move means for the job's
 * hold (capture or release), for the provider key that was used, and for the user.
 */
package dev.rei.domain.job;
