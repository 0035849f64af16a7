package dev.rei.application.port.out;

import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyHealth;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.util.List;

/**
 * The health of provider keys, shared by every worker process. When the store is unreachable it
 * fails open: keys read as healthy and reports are dropped (with a log line), because a
 * generation that may fail is better than none; money never depends on it.
 */
public interface KeyHealthStore {

  /** The health of each key, in the order given. */
  List<KeyHealth> health(List<KeyId> keys);

  /** Blocks the key until {@code block.until()}, unless a longer block is already running. */
  void block(KeyId key, KeyBlock block);

  /** Lifts any block of the key. */
  void clear(KeyId key);

  /** The next turn of the provider's shared round-robin counter. */
  long nextTurn(ProviderName provider);
}
