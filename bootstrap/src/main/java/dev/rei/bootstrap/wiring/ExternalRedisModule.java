package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rei.bootstrap.config.RedisSettings;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Redis server {@code REDIS_URL} names. */
public final class ExternalRedisModule extends AbstractModule {

  private static final Logger LOG = LoggerFactory.getLogger(ExternalRedisModule.class);

  @Provides
  @Singleton
  RedisEndpoint redis(RedisSettings settings) {
    RedisEndpoint endpoint = new RedisEndpoint(settings.url()
        .orElseThrow(() -> new IllegalStateException("ExternalRedisModule needs REDIS_URL")));
    LOG.info("redis: Redis at {}", RedisSettings.redact(endpoint.url().reveal()));
    return endpoint;
  }
}
