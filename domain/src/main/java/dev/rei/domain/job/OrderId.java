package dev.rei.domain.job;

import java.util.Objects;
import java.util.UUID;

/** The identity of an order: one confirmed purchase of one or more jobs (e.g. 3 Reels videos). */
public record OrderId(UUID value) {

  public OrderId {
    Objects.requireNonNull(value, "value");
  }

  public static OrderId of(UUID value) {
    return new OrderId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
