package dev.rei.domain.job;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One confirmed purchase: {@code count} jobs of one kind at {@code unitPrice} each, placed once
 * for its idempotency key (the confirming button press). Limits count orders, not jobs, so five
 * Reels videos are one active order.
 */
public record Order(
    OrderId id,
    UserId userId,
    IdempotencyKey key,
    JobKind kind,
    Credits unitPrice,
    List<JobId> jobIds,
    Instant placedAt) {

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(placedAt, "placedAt");
    jobIds = List.copyOf(jobIds);
    if (jobIds.isEmpty()) {
      throw new IllegalArgumentException("an order has at least one job");
    }
    if (jobIds.stream().distinct().count() != jobIds.size()) {
      throw new IllegalArgumentException("an order lists each job once");
    }
    if (!unitPrice.isPositive()) {
      throw new IllegalArgumentException("an ordered item costs at least one credit");
    }
  }

  public int count() {
    return jobIds.size();
  }

  public Credits total() {
    return unitPrice.times(jobIds.size());
  }
}
