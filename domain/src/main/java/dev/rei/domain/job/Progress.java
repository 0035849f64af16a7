package dev.rei.domain.job;

/** How far the provider says it is, in percent. */
public record Progress(int percent) implements Comparable<Progress> {

  public static final Progress NONE = new Progress(0);
  public static final Progress DONE = new Progress(100);

  public Progress {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("progress must be 0..100 percent, was " + percent);
    }
  }

  public static Progress of(int percent) {
    return new Progress(percent);
  }

  @Override
  public int compareTo(Progress other) {
    return Integer.compare(percent, other.percent);
  }
}
