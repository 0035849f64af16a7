package dev.rei.domain.user;

/** A user's Telegram id; Telegram user ids are positive. */
public record UserId(long value) implements Comparable<UserId> {

  public UserId {
    if (value <= 0) {
      throw new IllegalArgumentException("user id must be positive, was " + value);
    }
  }

  public static UserId of(long value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
