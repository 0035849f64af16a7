package dev.rei.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.LockManager.DistributedLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data when given a directory, so fencing tokens never repeat across restarts. */
class EmbeddedRedisServerTest {

  @Test
  void givenDataDirectory_aRestartedServer_keepsTheFencingCounter(@TempDir Path data) {
    long before;
    try (EmbeddedRedisServer server = EmbeddedRedisServer.start(0, Optional.of(data.resolve("redis")));
        RedisConnection redis = RedisConnection.open(server.url(), "test-persist")) {
      DistributedLock lock = new RedisLockManager(redis).tryAcquire("sweeper", Duration.ofMinutes(1)).orElseThrow();
      before = lock.fencingToken();
      lock.release();
    }

    try (EmbeddedRedisServer server = EmbeddedRedisServer.start(0, Optional.of(data.resolve("redis")));
        RedisConnection redis = RedisConnection.open(server.url(), "test-persist")) {
      assertThat(new RedisLockManager(redis).tryAcquire("sweeper", Duration.ofMinutes(1)).orElseThrow().fencingToken())
          .isGreaterThan(before);
    }
  }
}
