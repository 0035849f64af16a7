package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rei.adapters.persistence.redis.EmbeddedRedisServer;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.config.Secret;
import dev.rei.bootstrap.run.ResourceStack;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded default (no {@code REDIS_URL}): a Redis server on loopback keeping its data in {@code DATA_DIR/redis}. */
public final class EmbeddedRedisModule extends AbstractModule {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisModule.class);

  @Provides
  @Singleton
  RedisEndpoint redis(ReiConfig config, ResourceStack resources) {
    Path directory = config.dataDir().resolve("redis").toAbsolutePath().normalize();
    EmbeddedRedisServer server = resources.register("embedded Redis",
        EmbeddedRedisServer.start(0, Optional.of(directory)));
    LOG.info("redis: no REDIS_URL, started embedded Redis at {} with its data in {}", server.url(), directory);
    return new RedisEndpoint(Secret.of(server.url()));
  }
}
