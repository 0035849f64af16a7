package dev.rei.bootstrap.wiring;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Jitter for services that many worker threads share: each call draws from the calling thread's
 * own generator, as no single generator instance is both fast and safe to share.
 */
final class ThreadLocalRandomGenerator implements RandomGenerator {

  @Override
  public long nextLong() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public double nextDouble() {
    return ThreadLocalRandom.current().nextDouble();
  }
}
