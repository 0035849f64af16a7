package dev.rei.adapters.persistence.redis;

import dev.rei.application.contract.RateLimiterContract;
import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.limits.RateLimitPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class RedisRateLimiterContractTest extends RateLimiterContract {

  private final List<RedisConnection> connections = new ArrayList<>();

  @Override
  protected RateLimiter newLimiter(RateLimitPolicy policy) {
    RedisConnection connection = TestRedis.fresh();
    connections.add(connection);
    return new RedisRateLimiter(connection, policy);
  }

  @AfterEach
  void drop() {
    connections.forEach(TestRedis::drop);
  }
}
