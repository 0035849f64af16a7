package dev.rei.domain.pricing;

/** The lengths a video can be ordered in; ten seconds costs the five-second price times the multiplier. */
public enum VideoDuration {
  FIVE_SECONDS(5),
  TEN_SECONDS(10);

  private final int seconds;

  VideoDuration(int seconds) {
    this.seconds = seconds;
  }

  public int seconds() {
    return seconds;
  }

  /** The duration of {@code seconds}, refusing any length that is not offered. */
  public static VideoDuration ofSeconds(int seconds) {
    for (VideoDuration duration : values()) {
      if (duration.seconds == seconds) {
        return duration;
      }
    }
    throw new IllegalArgumentException("no video of " + seconds + " s is offered; choose 5 or 10");
  }
}
