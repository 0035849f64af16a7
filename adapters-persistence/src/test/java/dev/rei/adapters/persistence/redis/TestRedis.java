package dev.rei.adapters.persistence.redis;

/**
 * One Redis per test JVM: embedded (from Maven Central) unless {@code TEST_REDIS_URL} names a
 * running one. Each call returns a connection to a database emptied for the caller.
 */
final class TestRedis {

  private static volatile String url;

  private TestRedis() {}

  static RedisConnection fresh() {
    RedisConnection connection = RedisConnection.open(url());
    connection.commands().flushdb();
    return connection;
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
}
