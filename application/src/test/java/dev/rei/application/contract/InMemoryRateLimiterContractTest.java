package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryRateLimiter;
import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.limits.RateLimitPolicy;

class InMemoryRateLimiterContractTest extends RateLimiterContract {

  @Override
  protected RateLimiter newLimiter(RateLimitPolicy policy) {
    return new InMemoryRateLimiter(policy);
  }
}
