package dev.rei.adapters.persistence.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lettuce connection to Redis, shared by the Redis adapters and safe to use from many threads.
 *
 * <p>Redis only speeds Rei up, so a missing Redis must cost callers little: timeouts are short and
 * set explicitly, commands are rejected at once while the connection is down (instead of queueing
 * until they time out), lettuce reconnects in the background within a few seconds of Redis coming
 * back, and a process may even start while Redis is down (the first connection is retried at most
 * once a second). Each adapter then chooses what an unreachable Redis means for it; see
 * {@link #orElse}.
 *
 * <p>Every key starts with a namespace ({@code rei} by default), so several bots or test runs can
 * share one Redis; the part in braces of each key is a Redis Cluster hash tag that keeps the keys
 * one script touches in one slot.
 */
public final class RedisConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

  public static final String DEFAULT_NAMESPACE = "rei";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration FIRST_CONNECT_RETRY = Duration.ofSeconds(1);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
  // Lettuce's default backoff grows to 30 s, leaving callers on their fallback long after Redis is back.
  private static final Delay RECONNECT_DELAY =
      Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS);
  // One warning per consequence and minute: an outage must be visible without flooding the log.
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private final ClientResources resources;
  private final RedisClient client;
  private final String namespace;
  private final ReentrantLock connecting = new ReentrantLock();
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile boolean closed;
  private long nextConnectNanos = System.nanoTime();
  private volatile boolean outage;
  private final Map<String, AtomicLong> lastWarningNanos = new ConcurrentHashMap<>();

  private RedisConnection(RedisURI uri, String namespace) {
    this.namespace = namespace;
    uri.setTimeout(COMMAND_TIMEOUT);
    this.resources = ClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
        .build());
  }

  /** Connects to {@code redis://[[user]:password@]host[:port][/database]} with the default namespace. */
  public static RedisConnection open(String url) {
    return open(url, DEFAULT_NAMESPACE);
  }

  /**
   * Connects to {@code url}, naming every key {@code namespace:…}. A malformed URL fails here; an
   * unreachable server does not (the adapters fall back until it answers).
   */
  public static RedisConnection open(String url, String namespace) {
    Objects.requireNonNull(url, "url");
    if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("Redis namespace must be 1-64 letters, digits or _.:- : " + namespace);
    }
    RedisConnection redis = new RedisConnection(RedisURI.create(url), namespace);
    try {
      redis.commands();
      redis.reachable();
    } catch (RedisException e) {
      redis.unreachable("connecting later", e);
    }
    return redis;
  }

  /** Whether Redis answers now; for health checks. */
  public boolean isReachable() {
    return orElse("health check failed", () -> "PONG".equals(commands().ping()), () -> false);
  }

  String namespace() {
    return namespace;
  }

  /** The key {@code namespace:part:part…}. */
  String key(String... parts) {
    return namespace + ":" + String.join(":", parts);
  }

  /**
   * The result of {@code action}, or of {@code fallback} when Redis cannot be reached or fails; the
   * outage is logged as a warning saying {@code consequence} (once a minute per consequence).
   */
  <T> T orElse(String consequence, Supplier<T> action, Supplier<T> fallback) {
    try {
      T result = action.get();
      reachable();
      return result;
    } catch (RedisException e) {
      unreachable(consequence, e);
      return fallback.get();
    }
  }

  /** Runs {@code script} by its digest, sending its source only when Redis does not know it yet. */
  <T> T eval(RedisScript script, ScriptOutputType type, String[] keys, String... args) {
    RedisCommands<String, String> commands = commands();
    try {
      return commands.evalsha(script.sha1(), type, keys, args);
    } catch (RedisNoScriptException e) {
      return commands.eval(script.source(), type, keys, args);
    }
  }

  RedisCommands<String, String> commands() {
    StatefulRedisConnection<String, String> current = connection;
    return (current != null ? current : connect()).sync();
  }

  private StatefulRedisConnection<String, String> connect() {
    if (closed) {
      throw new RedisException("Redis connection is closed");
    }
    // Another thread is already trying: fail at once rather than queue behind a connect timeout.
    if (!connecting.tryLock()) {
      throw new RedisConnectionException("Redis connection is being established");
    }
    try {
      if (closed) {
        throw new RedisException("Redis connection is closed");
      }
      if (connection != null) {
        return connection;
      }
      long now = System.nanoTime();
      if (now - nextConnectNanos < 0) {
        throw new RedisConnectionException("Redis unreachable; the next connection attempt is due shortly");
      }
      nextConnectNanos = now + FIRST_CONNECT_RETRY.toNanos();
      StatefulRedisConnection<String, String> opened = client.connect();
      opened.setTimeout(COMMAND_TIMEOUT);
      connection = opened;
      return opened;
    } finally {
      connecting.unlock();
    }
  }

  private void reachable() {
    if (outage) {
      outage = false;
      LOG.info("Redis reachable again");
    }
  }

  private void unreachable(String consequence, RedisException e) {
    outage = true;
    AtomicLong last = lastWarningNanos.computeIfAbsent(consequence,
        c -> new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS));
    long now = System.nanoTime();
    long previous = last.get();
    if (now - previous >= WARNING_INTERVAL_NANOS && last.compareAndSet(previous, now)) {
      LOG.warn("Redis unreachable, {} (repeated at most once a minute): {}", consequence, e.toString());
    } else {
      LOG.debug("Redis unreachable, {}: {}", consequence, e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    connecting.lock();
    try {
      if (connection != null) {
        connection.close();
      }
    } finally {
      connecting.unlock();
      client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
      try {
        resources.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.debug("lettuce resources did not shut down cleanly: {}", e.toString());
      }
    }
  }
}
