package dev.rei.domain.ledger;

/** An amount of credits, the bot's unit of value: a whole, non-negative number. */
public record Credits(long value) implements Comparable<Credits> {

  public static final Credits ZERO = new Credits(0);

  public Credits {
    if (value < 0) {
      throw new IllegalArgumentException("credits cannot be negative, was " + value);
    }
  }

  public static Credits of(long value) {
    return new Credits(value);
  }

  public Credits plus(Credits other) {
    return new Credits(Math.addExact(value, other.value));
  }

  /** The difference; the caller checks {@link #isAtLeast} first, as a negative result is a bug. */
  public Credits minus(Credits other) {
    if (other.value > value) {
      throw new IllegalArgumentException(value + " - " + other.value + " would be negative");
    }
    return new Credits(value - other.value);
  }

  public Credits times(long factor) {
    if (factor < 0) {
      throw new IllegalArgumentException("factor cannot be negative, was " + factor);
    }
    return new Credits(Math.multiplyExact(value, factor));
  }

  public boolean isZero() {
    return value == 0;
  }

  public boolean isPositive() {
    return value > 0;
  }

  public boolean isAtLeast(Credits other) {
    return value >= other.value;
  }

  public boolean isGreaterThan(Credits other) {
    return value > other.value;
  }

  public Credits min(Credits other) {
    return value <= other.value ? this : other;
  }

  @Override
  public int compareTo(Credits other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
