package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rei.adapters.persistence.redis.RedisConnection;
import dev.rei.adapters.persistence.redis.RedisKeyHealthStore;
import dev.rei.adapters.persistence.redis.RedisLockManager;
import dev.rei.adapters.persistence.redis.RedisRateLimiter;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.application.port.out.LockManager;
import dev.rei.application.port.out.RateLimiter;
import dev.rei.bootstrap.config.CoreSettings;
import dev.rei.bootstrap.config.RedisSettings;
import dev.rei.bootstrap.run.ResourceStack;
import jakarta.inject.Singleton;

/** The Redis adapter over whichever server the endpoint module chose: key health, locks, rate limits. */
public final class RedisModule extends AbstractModule {

  @Provides
  @Singleton
  RedisConnection connection(RedisEndpoint endpoint, RedisSettings settings, ResourceStack resources) {
    return resources.register("Redis connection", RedisConnection.open(endpoint.url().reveal(), settings.namespace()));
  }

  @Provides
  @Singleton
  KeyHealthStore keyHealth(RedisConnection redis) {
    return new RedisKeyHealthStore(redis);
  }

  @Provides
  @Singleton
  LockManager locks(RedisConnection redis) {
    return new RedisLockManager(redis);
  }

  @Provides
  @Singleton
  RateLimiter rateLimiter(RedisConnection redis, CoreSettings core) {
    return new RedisRateLimiter(redis, core.rateLimits());
  }
}
