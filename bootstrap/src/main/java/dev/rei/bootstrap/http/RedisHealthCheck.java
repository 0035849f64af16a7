package dev.rei.bootstrap.http;

import dev.rei.adapters.persistence.redis.RedisConnection;

/** Redis answers PING. */
public final class RedisHealthCheck implements HealthCheck {

  private final RedisConnection redis;

  public RedisHealthCheck(RedisConnection redis) {
    this.redis = redis;
  }

  @Override
  public Health check() {
    return redis.isReachable() ? Health.healthy() : Health.down("Redis does not answer PING");
  }
}
