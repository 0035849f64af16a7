package dev.rei.application.fakes;

import dev.rei.application.port.out.InboundUpdates;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@link InboundUpdates} in memory: one chat's updates strictly in order, a claim leased like the PostgreSQL one. */
public final class InMemoryInboundUpdates implements InboundUpdates {

  private final TreeMap<Long, Row> rows = new TreeMap<>();

  @Override
  public synchronized int append(List<InboundUpdate> updates) {
    Objects.requireNonNull(updates, "updates");
    int added = 0;
    for (InboundUpdate update : updates) {
      if (!rows.containsKey(update.updateId())) {
        rows.put(update.updateId(), new Row(update.updateId(), update.chatId(), update.payload(), update.receivedAt()));
        added++;
      }
    }
    return added;
  }

  @Override
  public synchronized Optional<InboundUpdate> claimNext(Instant now, Duration lease) {
    requirePositive(lease);
    Set<Long> chatsWithEarlierWork = new HashSet<>();
    for (Row row : rows.values()) {
      if (row.handledAt != null) {
        continue;
      }
      boolean first = chatsWithEarlierWork.add(row.chatId);
      if (first && (row.leasedUntil == null || !row.leasedUntil.isAfter(now))) {
        row.leasedUntil = now.plus(lease);
        row.attempts++;
        return Optional.of(row.toUpdate());
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void markHandled(long updateId, Instant at) {
    Row row = rows.get(updateId);
    if (row == null) {
      throw new IllegalStateException("update " + updateId + " is not in the inbox");
    }
    if (row.handledAt == null) {
      row.handledAt = at;
    }
  }

  @Override
  public synchronized long pending() {
    return rows.values().stream().filter(r -> r.handledAt == null).count();
  }

  @Override
  public synchronized int purgeHandled(Instant before) {
    int before0 = rows.size();
    rows.values().removeIf(r -> r.handledAt != null && r.receivedAt.isBefore(before));
    return before0 - rows.size();
  }

  private static void requirePositive(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("a lease must be positive, was " + lease);
    }
  }

  private static final class Row {
    final long updateId;
    final long chatId;
    final String payload;
    final Instant receivedAt;
    int attempts;
    Instant leasedUntil;
    Instant handledAt;

    Row(long updateId, long chatId, String payload, Instant receivedAt) {
      this.updateId = updateId;
      this.chatId = chatId;
      this.payload = payload;
      this.receivedAt = receivedAt;
    }

    InboundUpdate toUpdate() {
      return new InboundUpdate(updateId, chatId, payload, receivedAt, attempts);
    }
  }
  @Override
  public synchronized Optional<Instant> oldestPending() {
    return rows.values().stream().filter(r -> r.handledAt == null).map(r -> r.receivedAt)
        .min(java.util.Comparator.naturalOrder());
  }
}
