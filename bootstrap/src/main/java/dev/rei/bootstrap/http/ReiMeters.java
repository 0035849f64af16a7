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

  private ReiMeters() {}

  /** The counter of handled updates; call once per update handled. */
  public static Counter updatesHandled(MeterRegistry registry) {
    return Counter.builder(UPDATES_HANDLED).description("Telegram updates handled").register(registry);
  }
}
