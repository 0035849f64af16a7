package dev.rei.bootstrap.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The names of the meters other parts of Rei publish to the process's {@link MeterRegistry}, so
 * that each exists (at zero) from the first scrape, before anything happened.
 */
public final class ReiMeters {

  /** Telegram updates handled from the inbox; the chat adapter's wiring increments it. */
  public static final String UPDATES_HANDLED = "rei.updates.handled";
  public static final String PROVIDER_CALLS = "rei.provider.calls";
  public static final String JOBS = "rei.jobs";
  public static final String OUTBOX_UNSENT = "rei.outbox.unsent";
  public static final String OUTBOX_LAG = "rei.outbox.lag.seconds";
  /** Provider failures by provider (the one blamed: the Reels script writer is {@code openai}) and failure class. */
  public static final String PROVIDER_ERRORS = "rei.provider.errors";
  /** Jobs by kind and state, read from the database. */
  public static final String JOBS_BY_KIND = "rei.jobs.by.kind";
  /** From a job's creation to its final state, by kind and final state. */
  public static final String JOB_DURATION = "rei.job.duration";
  public static final String PAYMENTS = "rei.payments";
  public static final String INBOX_PENDING = "rei.inbox.pending";
  public static final String INBOX_LAG = "rei.inbox.lag.seconds";
  /** A system account's posted balance, by account. */
  public static final String LEDGER_SYSTEM = "rei.ledger.system.credits";
  /** The users' credits in sum, by figure: posted, held, available. */
  public static final String LEDGER_USERS = "rei.ledger.users.credits";

  private ReiMeters() {}

  /** The counter of handled updates; call once per update handled. */
  public static Counter updatesHandled(MeterRegistry registry) {
    return Counter.builder(UPDATES_HANDLED).description("Telegram updates handled").register(registry);
  }
}
