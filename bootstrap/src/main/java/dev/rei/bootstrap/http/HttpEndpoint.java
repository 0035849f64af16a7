package dev.rei.bootstrap.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rei.bootstrap.run.DaemonThreads;
import dev.rei.bootstrap.run.Managed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP server: exact-path routes (health, metrics, webhooks) and prefix routes
 * ({@code /media/*}: every path below {@code /media/}), bodies capped at
 * {@link #MAX_BODY_BYTES}, unknown paths 404, a route that throws 500 — with nothing of the
 * exception in the answer.
 */
public final class HttpEndpoint implements Managed {

  public static final int MAX_BODY_BYTES = 1 << 20;
  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
  private static final int THREADS = 4;

  private final String host;
  private final int port;
  private final Map<String, HttpRoute> routes;
  private HttpServer server;
  private ExecutorService executor;

  public HttpEndpoint(String host, int port, Map<String, HttpRoute> routes) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.routes = Map.copyOf(routes);
  }

  @Override
  public String name() {
    return "HTTP server";
  }

  @Override
  public synchronized void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 64);
    executor = Executors.newFixedThreadPool(THREADS, new DaemonThreads("rei-http"));
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
    LOG.info("HTTP server listening on {}:{} ({})", host, port(), String.join(", ", new java.util.TreeSet<>(routes.keySet())));
  }

  /** The port listened on (the chosen one when configured as 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the HTTP server is not started");
    }
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpReply reply;
      try {
        reply = route(exchange);
      } catch (RuntimeException e) {
        LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
        reply = HttpReply.json(500, "{\"error\":\"internal error\"}");
      }
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(reply.status(), head || reply.body().length == 0 ? -1 : reply.body().length);
      if (!head && reply.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  private HttpReply route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    HttpRoute route = routes.get(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    if (route == null) {
      route = prefixRoute(path);
    }
    if (route == null) {
      return HttpReply.json(404, "{\"error\":\"not found\"}");
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      return HttpReply.json(413, "{\"error\":\"body too large\"}");
    }
    Map<String, List<String>> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    String query = exchange.getRequestURI().getRawQuery();
    return route.handle(new HttpCall(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path,
        query == null ? "" : query, headers, body, exchange.getRemoteAddress().getAddress().getHostAddress()));
  }

  /** A route registered as {@code /prefix/*} answers every path under {@code /prefix/} (the longest prefix wins). */
  private HttpRoute prefixRoute(String path) {
    HttpRoute best = null;
    int bestLength = -1;
    for (Map.Entry<String, HttpRoute> entry : routes.entrySet()) {
      String key = entry.getKey();
      if (key.endsWith("/*")) {
        String prefix = key.substring(0, key.length() - 1);
        if (path.startsWith(prefix) && path.length() > prefix.length() && prefix.length() > bestLength) {
          best = entry.getValue();
          bestLength = prefix.length();
        }
      }
    }
    return best;
  }

  @Override
  public synchronized void stop(Duration grace) {
    if (server != null) {
      // Zero delay: JDK 17's stop waits out its whole delay even when no exchange is open, and health
      // probes or a scrape can simply be retried. The dispatcher thread (not a daemon) ends here.
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }
}
