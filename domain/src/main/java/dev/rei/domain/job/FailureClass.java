package dev.rei.domain.job;

import dev.rei.domain.provider.KeyEffect;

/**
 * The kinds of failure of DESIGN §2.2, each with what it does to the key that made the call.
 * Whether and when a class is retried is the {@link RetryPolicy}'s to say.
 */
public enum FailureClass {
  /** The content or the photo breaks the provider's rules; retrying cannot help. */
  USER_VIOLATION(KeyEffect.NONE),
  /** The provider account is out of money. */
  BILLING(KeyEffect.BLOCK),
  /** The provider asked us to slow down. */
  RATE_LIMIT(KeyEffect.COOL_DOWN),
  /** A 5xx, a timeout, a network fault: likely to pass. */
  TEMPORARY(KeyEffect.NONE),
  /** Anything we cannot classify. */
  UNKNOWN(KeyEffect.NONE);

  private final KeyEffect keyEffect;

  FailureClass(KeyEffect keyEffect) {
    this.keyEffect = keyEffect;
  }

  public KeyEffect keyEffect() {
    return keyEffect;
  }
}
