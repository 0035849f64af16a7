package dev.rei.bootstrap.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The background work of a process: how many job workers, how long an idle one waits for a signal
 * before it looks again, how often the sweeper and the payment reconciler run, how the outbox is
 * polled, how long a shutdown waits for work in progress, and how often the bot process looks for
 * trouble to alert admins about (failure rate, backlog, key pools) and audits the ledger.
 */
public record WorkerSettings(
    int threads,
    Duration idlePoll,
    Duration sweepInterval,
    Duration reconcileInterval,
    Duration outboxPoll,
    int outboxBatch,
    Duration shutdownGrace,
    Duration operationsWatchInterval,
    Duration ledgerCheckInterval) {

  public WorkerSettings {
    Objects.requireNonNull(idlePoll, "idlePoll");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(reconcileInterval, "reconcileInterval");
    Objects.requireNonNull(outboxPoll, "outboxPoll");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(operationsWatchInterval, "operationsWatchInterval");
    Objects.requireNonNull(ledgerCheckInterval, "ledgerCheckInterval");
    if (threads < 1 || outboxBatch < 1) {
      throw new IllegalArgumentException("at least one worker thread and one message per outbox batch");
    }
  }
}
