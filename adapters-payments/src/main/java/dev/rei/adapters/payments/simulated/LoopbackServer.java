package dev.rei.adapters.payments.simulated;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JDK HTTP server on 127.0.0.1 that the fake rails run on, with a few helpers they share. */
final class LoopbackServer implements AutoCloseable {

  interface Route {
    void handle(HttpExchange exchange) throws IOException;
  }

  private static final Logger log = LoggerFactory.getLogger(LoopbackServer.class);
  private static final int MAX_BODY = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final OkHttpClient client = new OkHttpClient.Builder()
      .connectTimeout(5, TimeUnit.SECONDS)
      .callTimeout(30, TimeUnit.SECONDS)
      .build();

  LoopbackServer(String name, Route route) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for " + name, e);
    }
    // Several threads: "pay" posts a webhook whose handler reads the payment back from this server.
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      try (exchange) {
        route.handle(exchange);
      } catch (IOException | RuntimeException e) {
        log.warn("{} failed on {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
        try {
          send(exchange, 500, "text/plain", "fake server error");
        } catch (IOException | RuntimeException ignored) {
          // The answer may have started already; the client sees a broken response.
        }
      }
    });
    server.start();
  }

  /** {@code http://127.0.0.1:<port>/}. */
  String baseUrl() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/";
  }

  static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readNBytes(MAX_BODY);
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> values = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }

  static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** POSTs a webhook and returns the HTTP status it got, or -1 when it could not be delivered. */
  int deliver(String url, byte[] body) {
    Request request = new Request.Builder().url(url)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    try (Response response = client.newCall(request).execute()) {
      return response.code();
    } catch (IOException | RuntimeException e) {
      log.warn("fake rail could not deliver a webhook: {}", e.toString());
      return -1;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
