package dev.rei.application.port.in.admin;

/**
 * The health of one provider's keys: usable, resting after a rate limit (cooling), and blocked
 * after a billing failure.
 */
public record KeyCounts(int healthy, int cooling, int blocked) {

  public KeyCounts {
    if (healthy < 0 || cooling < 0 || blocked < 0) {
      throw new IllegalArgumentException("key counts cannot be negative");
    }
  }

  public int total() {
    return healthy + cooling + blocked;
  }
}
