package dev.rei.adapters.persistence.redis;

import dev.rei.application.contract.RateLimiterContract;
import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.limits.RateLimitPolicy;
import org.junit.jupiter.api.AfterEach;

class RedisRateLimiterContractTest extends RateLimiterContract {

  private RedisConnection connection;

  @Override
  protected RateLimiter newLimiter() {
    connection = TestRedis.fresh();
    return new RedisRateLimiter(connection, RateLimitPolicy.DEFAULT);
  }

  @AfterEach
  void close() {
    connection.close();
  }
}
