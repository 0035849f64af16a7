package dev.rei.adapters.persistence.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import redis.embedded.RedisServer;

/**
 * A Redis server run from the binary bundled in a Maven Central jar (codemonstur embedded-redis,
 * Redis 6.2), listening on loopback only; the default when no {@code REDIS_URL} is configured.
 *
 * <p>Without a data directory nothing is written to disk. With one, Redis keeps an append-only
 * file there (flushed every second), so lock fencing counters and key blocks survive a restart.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

  private final RedisServer server;
  private final int port;

  private EmbeddedRedisServer(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** A server on a free port that keeps nothing on disk. */
  public static EmbeddedRedisServer start() {
    return start(0, Optional.empty());
  }

  /**
   * A server on {@code port} (0 for a free one) keeping its data under {@code dataDirectory} when
   * one is given (created if missing).
   */
  public static EmbeddedRedisServer start(int port, Optional<Path> dataDirectory) {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
    try {
      int chosen = port == 0 ? freePort() : port;
      var builder = RedisServer.newRedisServer()
          .port(chosen)
          .bind("127.0.0.1")
          .setting("protected-mode yes")
          // The library waits for the "ready" line, which Redis logs at the default (notice) level.
          .setting("save \"\"");
      if (dataDirectory.isPresent()) {
        Path directory = Files.createDirectories(dataDirectory.get()).toAbsolutePath();
        builder.setting("dir \"" + directory + "\"")
            .setting("appendonly yes")
            .setting("appendfsync everysec");
      } else {
        builder.setting("appendonly no");
      }
      RedisServer server = builder.build();
      server.start();
      return new EmbeddedRedisServer(server, chosen);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded Redis", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop embedded Redis on port " + port, e);
    }
  }
}
