package dev.rei.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Small durable state the chat adapter keeps between updates and across restarts: where a user is
 * in a multi-step flow, what a button stands for (callback data holds only a short key), which
 * message shows an order's status. Values are opaque text; an entry past {@code expiresAt} is gone.
 */
public interface ChatStateStore {

  /** Sets {@code namespace/key} to {@code value} until {@code expiresAt}, replacing any earlier value. */
  void put(String namespace, String key, String value, Instant expiresAt);

  /** The value, unless absent or expired at {@code now}. */
  Optional<String> get(String namespace, String key, Instant now);

  void remove(String namespace, String key);

  /** Forgets entries expired at {@code now}; returns how many. */
  int purgeExpired(Instant now);
}
