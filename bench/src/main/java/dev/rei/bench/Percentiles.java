package dev.rei.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of recorded latencies, in microseconds. */
final class Percentiles {

  private final long[] sortedMicros;

  Percentiles(long[] micros) {
    this.sortedMicros = micros.clone();
    Arrays.sort(sortedMicros);
  }

  double millis(double percentile) {
    if (sortedMicros.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sortedMicros.length);
    return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank - 1))] / 1000.0;
  }

  int count() {
    return sortedMicros.length;
  }
}
