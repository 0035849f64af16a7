package dev.rei.domain.ledger;

import java.util.Objects;
import java.util.UUID;

/** The identity of a recorded transfer; a hold is referred to by the id of its pending transfer. */
public record TransferId(UUID value) {

  public TransferId {
    Objects.requireNonNull(value, "value");
  }

  public static TransferId of(UUID value) {
    return new TransferId(value);
  }

  public static TransferId parse(String text) {
    return new TransferId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
