package dev.rei.adapters.persistence.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.UUID;

/**
 * One Redis per test JVM: embedded (from Maven Central) unless {@code TEST_REDIS_URL} names a
 * running one. Each test gets a namespace of its own, so tests never see each other's keys and a
 * shared Redis is never flushed; {@link #drop} deletes a namespace's keys afterwards.
 */
final class TestRedis {

  private static String url;

  private TestRedis() {}

  /** A connection in a new, empty namespace. */
  static RedisConnection fresh() {
    return RedisConnection.open(url(), "test-" + UUID.randomUUID());
  }

  /** Another connection (another client, as another process would have) to the namespace of {@code other}. */
  static RedisConnection sameNamespaceAs(RedisConnection other) {
    return RedisConnection.open(url(), other.namespace());
  }

  static synchronized String url() {
    if (url == null) {
      String given = System.getenv("TEST_REDIS_URL");
      if (given != null && !given.isBlank()) {
        url = given;
      } else {
        EmbeddedRedisServer server = EmbeddedRedisServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        url = server.url();
      }
    }
    return url;
  }

  /** Deletes every key of the connection's namespace, then closes it. */
  static void drop(RedisConnection connection) {
    try {
      RedisCommands<String, String> commands = connection.commands();
      ScanArgs match = ScanArgs.Builder.matches(connection.namespace() + ":*").limit(500);
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = commands.scan(cursor, match);
        if (!page.getKeys().isEmpty()) {
          commands.del(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
    } catch (RedisException e) {
      // A test that stopped its server has nothing left to drop.
    } finally {
      connection.close();
    }
  }
}
