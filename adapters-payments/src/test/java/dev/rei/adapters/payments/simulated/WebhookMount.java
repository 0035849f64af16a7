package dev.rei.adapters.payments.simulated;

import com.sun.net.httpserver.HttpServer;
import dev.rei.adapters.payments.webhook.WebhookHandler;
import dev.rei.adapters.payments.webhook.WebhookRequest;
import dev.rei.adapters.payments.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mounts webhook handlers on a loopback HTTP server, as bootstrap's server does. */
final class WebhookMount implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  WebhookMount() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.start();
  }

  /** Serves POSTs under {@code prefix} with {@code handler}. */
  WebhookMount mount(String prefix, WebhookHandler handler) {
    server.createContext(prefix, exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readNBytes(WebhookRequest.MAX_BODY_BYTES + 1);
        WebhookResponse response = exchange.getRequestMethod().equals("POST")
            ? handler.handle(new WebhookRequest(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body,
                exchange.getRemoteAddress().getAddress()))
            : WebhookResponse.of(405, "POST only");
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
