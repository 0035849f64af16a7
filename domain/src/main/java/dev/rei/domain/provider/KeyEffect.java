package dev.rei.domain.provider;

/** What a failed call means for the key that made it. */
public enum KeyEffect {
  /** The key is fine; the failure was elsewhere. */
  NONE,
  /** The provider asked us to slow down: rest the key for the cool-down period. */
  COOL_DOWN,
  /** The provider account is out of money: block the key for the billing period and tell admins. */
  BLOCK
}
