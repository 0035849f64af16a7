package dev.rei.application.port.out;

import java.time.Instant;

/** The current time; the only place the core learns it. */
public interface Clock {

  Instant now();
}
