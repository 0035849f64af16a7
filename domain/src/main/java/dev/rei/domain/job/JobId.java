package dev.rei.domain.job;

import java.util.Objects;
import java.util.UUID;

/** The identity of a job. */
public record JobId(UUID value) {

  public JobId {
    Objects.requireNonNull(value, "value");
  }

  public static JobId of(UUID value) {
    return new JobId(value);
  }

  public static JobId parse(String text) {
    return new JobId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
