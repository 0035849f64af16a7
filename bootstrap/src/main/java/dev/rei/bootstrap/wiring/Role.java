package dev.rei.bootstrap.wiring;

/** What a process does besides serving health and metrics: talk to Telegram, run jobs, or both. */
public enum Role {
  /** Polls Telegram, handles updates from the inbox, and sends the outbox. One per bot. */
  BOT,
  /** Runs jobs, sweeps, reconciles payments. As many as the load needs. */
  WORKER
}
