package dev.rei.adapters.persistence.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;

/**
 * One lettuce connection to Redis, with short timeouts set explicitly: Redis only speeds Rei up,
 * so a slow Redis must fail fast and let the callers fall back.
 */
public final class RedisConnection implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  private RedisConnection(RedisClient client) {
    this.client = client;
    client.setOptions(ClientOptions.builder()
        .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
        .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
        .build());
    this.connection = client.connect();
    connection.setTimeout(TIMEOUT);
  }

  /** Connects to {@code redis://[:password@]host:port[/db]}. */
  public static RedisConnection open(String url) {
    return new RedisConnection(RedisClient.create(RedisURI.create(url)));
  }

  RedisCommands<String, String> commands() {
    return connection.sync();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, TIMEOUT);
  }
}
