package dev.rei.application.fakes;

import dev.rei.application.port.out.ChatStateStore;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ChatStateStore} in memory, with the same limits on names as the PostgreSQL one. */
public final class InMemoryChatStateStore implements ChatStateStore {

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public void put(String namespace, String key, String value, Instant expiresAt) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
    ChatStateStore.check(namespace, key, value);
    entries.put(id(namespace, key), new Entry(value, expiresAt));
  }

  @Override
  public Optional<String> get(String namespace, String key, Instant now) {
    ChatStateStore.check(namespace, key, null);
    Entry entry = entries.get(id(namespace, key));
    return entry == null || !entry.expiresAt().isAfter(now) ? Optional.empty() : Optional.of(entry.value());
  }

  @Override
  public void remove(String namespace, String key) {
    ChatStateStore.check(namespace, key, null);
    entries.remove(id(namespace, key));
  }

  @Override
  public int purgeExpired(Instant now) {
    int before = entries.size();
    entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
    return before - entries.size();
  }

  private static String id(String namespace, String key) {
    // A namespace has no '/', so the first one separates it from the key.
    return namespace + "/" + key;
  }

  private record Entry(String value, Instant expiresAt) {}
}
