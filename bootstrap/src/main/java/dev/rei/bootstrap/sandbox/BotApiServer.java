package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the emulator on loopback: {@code /bot<token>/<method>} for Bot API calls and
 * {@code /file/bot<token>/<file_path>} for downloads, as Telegram's URLs are laid out.
 */
final class BotApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BotApiServer.class);
  /** Above Telegram's 50 MB upload limit, so that the limit is answered by the method with Telegram's words. */
  private static final int MAX_BODY_BYTES = 60 * 1024 * 1024;

  static {
    // The JDK server sends the headers and the body of an answer in two TCP segments; with Nagle's algorithm on,
    // the body then waits for the client's delayed ACK, about 40 ms per call. The JDK reads this switch once, when
    // its first HttpServer starts, so an explicit setting by the operator wins and we only fill in the default.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final byte[] token;
  private final BotApiDispatcher dispatcher;
  private final FileStore files;
  private final RequestParser parser;
  private final ObjectMapper json;
  private HttpServer server;
  private ExecutorService executor;

  BotApiServer(String token, BotApiDispatcher dispatcher, FileStore files, ObjectMapper json) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.dispatcher = dispatcher;
    this.files = files;
    this.parser = new RequestParser(json);
    this.json = json;
  }

  InetSocketAddress start(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
    executor = daemonPool();
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return server.getAddress();
  }

  private static ExecutorService daemonPool() {
    AtomicInteger threads = new AtomicInteger();
    // One thread per open request: long polls hold theirs for up to their timeout.
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
      Thread thread = new Thread(task, "bot-api-emulator-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith("/file/bot")) {
        download(exchange, path.substring("/file/bot".length()));
      } else if (path.startsWith("/bot")) {
        call(exchange, path.substring("/bot".length()));
      } else {
        drain(exchange);
        respond(exchange, ApiResponse.error(404, "Not Found"));
      }
    } catch (IOException | RuntimeException failure) {
      // The client went away or sent garbage; the emulator keeps serving the others. The path holds the token.
      LOG.debug("Bot API emulator could not answer a request: {}", failure.toString());
    }
  }

  private void call(HttpExchange exchange, String tokenAndMethod) throws IOException {
    int slash = tokenAndMethod.indexOf('/');
    if (slash < 0) {
      drain(exchange);
      respond(exchange, ApiResponse.error(404, "Not Found"));
      return;
    }
    String method = tokenAndMethod.substring(slash + 1);
    if (!isOwnToken(tokenAndMethod.substring(0, slash))) {
      drain(exchange);
      ApiResponse unauthorized = ApiResponse.error(401, "Unauthorized");
      dispatcher.recordRefused(method, unauthorized);
      respond(exchange, unauthorized);
      return;
    }
    byte[] body = readBody(exchange);
    if (body == null) {
      ApiResponse tooLarge = ApiResponse.error(413, "Request Entity Too Large");
      dispatcher.recordRefused(method, tooLarge);
      respond(exchange, tooLarge);
      return;
    }
    ApiParams params;
    try {
      params = parser.parse(exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders().getFirst("Content-Type"), body);
    } catch (ApiRefusal malformed) {
      dispatcher.recordRefused(method, malformed.response());
      respond(exchange, malformed.response());
      return;
    }
    respond(exchange, dispatcher.dispatch(method, params));
  }

  private void download(HttpExchange exchange, String tokenAndPath) throws IOException {
    drain(exchange);
    int slash = tokenAndPath.indexOf('/');
    if (slash < 0 || !isOwnToken(tokenAndPath.substring(0, slash))) {
      respond(exchange, ApiResponse.error(404, "Not Found"));
      return;
    }
    FileStore.StoredFile file = files.byPath(tokenAndPath.substring(slash + 1)).orElse(null);
    if (file == null) {
      respond(exchange, ApiResponse.error(404, "Not Found"));
      return;
    }
    exchange.getResponseHeaders().set("Content-Type",
        file.mimeType() == null ? "application/octet-stream" : file.mimeType());
    exchange.sendResponseHeaders(200, file.bytes().length == 0 ? -1 : file.bytes().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(file.bytes());
    }
  }

  private boolean isOwnToken(String candidate) {
    return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** The whole body, or null when it is larger than any Bot API request may be. */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        in.transferTo(OutputStream.nullOutputStream());
        return null;
      }
      return body;
    }
  }

  private static void drain(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private void respond(HttpExchange exchange, ApiResponse response) throws IOException {
    byte[] body;
    try {
      body = json.writeValueAsBytes(response.body());
    } catch (JsonProcessingException unreachable) {
      throw new IllegalStateException("a JSON tree always serializes", unreachable);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.httpStatus(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Lets the answers being written (woken long polls) go out, then stops; call after waking the waiters. */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
