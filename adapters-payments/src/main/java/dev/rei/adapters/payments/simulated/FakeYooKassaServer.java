package dev.rei.adapters.payments.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.rei.adapters.payments.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * YooKassa on loopback for the sandbox and tests: {@code POST /v3/payments} (Basic auth; the same
 * {@code Idempotence-Key} returns the same payment), {@code GET /v3/payments/{id}}, {@code POST
 * /v3/refunds}; {@code GET /pay/{id}} shows a tiny pay page and {@code GET|POST
 * /pay/{id}/confirm[?status=succeeded|canceled]} sets the status and POSTs a {@code payment.*}
 * notification to the URL given with {@link #notifyTo} (YooKassa's is set in its dashboard, not
 * per payment). The sender is 127.0.0.1, so the sandbox's {@code YOOKASSA_ALLOWED_IPS} must
 * include it.
 */
public final class FakeYooKassaServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FakeYooKassaServer.class);
  private static final Set<String> FINAL = Set.of("succeeded", "canceled");

  private final String expectedAuthorization;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, ObjectNode> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByKey = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> refundsByKey = new ConcurrentHashMap<>();
  private final LoopbackServer server;
  private volatile String notificationUrl = "";

  /** Starts listening on a free loopback port at once. */
  public FakeYooKassaServer(String shopId, Secret secretKey) {
    this(shopId, secretKey, Clock.systemUTC());
  }

  public FakeYooKassaServer(String shopId, Secret secretKey, Clock clock) {
    this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(
        (shopId + ":" + secretKey.reveal()).getBytes(StandardCharsets.UTF_8));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.server = new LoopbackServer("fake-yookassa", this::route);
  }

  /** The base URL for {@code YOOKASSA_BASE_URL}, e.g. {@code http://127.0.0.1:41234/}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Where notifications go: our {@code .../webhooks/yookassa/<secret>}. */
  public FakeYooKassaServer notifyTo(String url) {
    this.notificationUrl = Objects.requireNonNull(url, "url");
    return this;
  }

  public Optional<JsonNode> payment(String id) {
    return Optional.ofNullable(byId.get(id)).map(ObjectNode::deepCopy);
  }

  /** Refunds made so far, by idempotence key. */
  public Map<String, JsonNode> refunds() {
    return Map.copyOf(refundsByKey);
  }

  /**
   * Sets the payment's status as the payer's bank would and sends the notification; returns the
   * HTTP status the webhook answered, or -1 if it could not be reached.
   */
  public int pay(String id, String status) {
    ObjectNode payment = byId.get(id);
    if (payment == null) {
      throw new IllegalArgumentException("no payment " + id);
    }
    if (!FINAL.contains(status)) {
      throw new IllegalArgumentException("cannot simulate status " + status);
    }
    synchronized (payment) {
      payment.put("status", status);
      payment.put("paid", status.equals("succeeded"));
      if (status.equals("succeeded")) {
        payment.put("captured_at", clock.instant().toString());
        payment.put("refundable", true);
      } else {
        ObjectNode details = payment.putObject("cancellation_details");
        details.put("party", "yoo_money");
        details.put("reason", "expired_on_confirmation");
      }
    }
    return notify(id);
  }

  /** Sends the payment's notification (again). */
  public int notify(String id) {
    ObjectNode payment = byId.get(id);
    if (payment == null || notificationUrl.isEmpty()) {
      return -1;
    }
    ObjectNode notification = json.createObjectNode();
    notification.put("type", "notification");
    synchronized (payment) {
      notification.put("event", "payment." + payment.path("status").asText());
      notification.set("object", payment.deepCopy());
    }
    try {
      int status = server.deliver(notificationUrl, json.writeValueAsBytes(notification));
      log.info("fake yookassa sent {} of payment {}: webhook answered {}", notification.path("event").asText(), id,
          status);
      return status;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.startsWith("/v3/")) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
          expectedAuthorization.getBytes(StandardCharsets.UTF_8))) {
        error(exchange, 401, "invalid_credentials", "Login or password is incorrect");
        return;
      }
    }
    if (method.equals("POST") && path.equals("/v3/payments")) {
      create(exchange);
    } else if (method.equals("GET") && path.startsWith("/v3/payments/")) {
      ObjectNode payment = byId.get(path.substring("/v3/payments/".length()));
      if (payment == null) {
        error(exchange, 404, "not_found", "Payment not found");
      } else {
        answer(exchange, payment);
      }
    } else if (method.equals("POST") && path.equals("/v3/refunds")) {
      refund(exchange);
    } else if (path.startsWith("/pay/") && path.endsWith("/confirm")) {
      confirm(exchange, path.substring("/pay/".length(), path.length() - "/confirm".length()));
    } else if (method.equals("GET") && path.startsWith("/pay/")) {
      payPage(exchange, path.substring("/pay/".length()));
    } else {
      error(exchange, 404, "not_found", "Unknown endpoint");
    }
  }

  private void create(HttpExchange exchange) throws IOException {
    JsonNode request = readJson(exchange);
    String key = exchange.getRequestHeaders().getFirst("Idempotence-Key");
    if (key == null || key.isBlank() || key.length() > 64) {
      error(exchange, 400, "invalid_request", "Idempotence-Key is required");
      return;
    }
    if (request == null || !request.path("amount").path("value").asText("").matches("[0-9]+\\.[0-9]{2}")) {
      error(exchange, 400, "invalid_request", "amount.value is invalid");
      return;
    }
    String id = idByKey.computeIfAbsent(key, ignored -> {
      String newId = UUID.randomUUID().toString();
      ObjectNode payment = json.createObjectNode();
      payment.put("id", newId);
      payment.put("status", "pending");
      payment.put("paid", false);
      payment.set("amount", request.get("amount").deepCopy());
      ObjectNode confirmation = payment.putObject("confirmation");
      confirmation.put("type", "redirect");
      confirmation.put("return_url", request.path("confirmation").path("return_url").asText(""));
      confirmation.put("confirmation_url", baseUrl() + "pay/" + newId);
      payment.put("created_at", clock.instant().toString());
      payment.put("description", request.path("description").asText(""));
      payment.set("metadata", request.path("metadata").isObject() ? request.get("metadata").deepCopy()
          : json.createObjectNode());
      payment.put("refundable", false);
      payment.put("test", true);
      byId.put(newId, payment);
      return newId;
    });
    answer(exchange, byId.get(id));
  }

  private void refund(HttpExchange exchange) throws IOException {
    JsonNode request = readJson(exchange);
    String key = exchange.getRequestHeaders().getFirst("Idempotence-Key");
    if (key == null || key.isBlank() || request == null) {
      error(exchange, 400, "invalid_request", "Idempotence-Key and a body are required");
      return;
    }
    ObjectNode payment = byId.get(request.path("payment_id").asText(""));
    if (payment == null || !payment.path("status").asText().equals("succeeded")) {
      error(exchange, 400, "invalid_request", "Payment is not refundable");
      return;
    }
    ObjectNode refund = refundsByKey.computeIfAbsent(key, ignored -> {
      ObjectNode created = json.createObjectNode();
      created.put("id", UUID.randomUUID().toString());
      created.put("payment_id", payment.path("id").asText());
      created.put("status", "succeeded");
      created.set("amount", request.path("amount").deepCopy());
      created.put("created_at", clock.instant().toString());
      return created;
    });
    answer(exchange, refund);
  }

  private void payPage(HttpExchange exchange, String id) throws IOException {
    ObjectNode payment = byId.get(id);
    if (payment == null) {
      LoopbackServer.send(exchange, 404, "text/html; charset=utf-8", "<p>No such payment.</p>");
      return;
    }
    String base = "/pay/" + LoopbackServer.escapeHtml(id) + "/confirm";
    String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>YooKassa (simulated)</title></head><body>"
        + "<h1>Simulated YooKassa payment</h1><p>"
        + LoopbackServer.escapeHtml(payment.path("description").asText()) + "</p><p>Amount: "
        + LoopbackServer.escapeHtml(payment.path("amount").path("value").asText() + " "
            + payment.path("amount").path("currency").asText()) + "</p>"
        + "<p><a href=\"" + base + "?status=succeeded\">Pay</a> · <a href=\"" + base
        + "?status=canceled\">Cancel</a></p></body></html>";
    LoopbackServer.send(exchange, 200, "text/html; charset=utf-8", page);
  }

  private void confirm(HttpExchange exchange, String id) throws IOException {
    LoopbackServer.body(exchange);
    if (!byId.containsKey(id)) {
      LoopbackServer.send(exchange, 404, "text/html; charset=utf-8", "<p>No such payment.</p>");
      return;
    }
    String status = LoopbackServer.query(exchange).getOrDefault("status", "succeeded");
    if (!FINAL.contains(status)) {
      LoopbackServer.send(exchange, 400, "text/html; charset=utf-8", "<p>Unknown status.</p>");
      return;
    }
    int delivered = pay(id, status);
    String back = byId.get(id).path("confirmation").path("return_url").asText("");
    LoopbackServer.send(exchange, 200, "text/html; charset=utf-8", "<!doctype html><html><body><p>Payment is now "
        + LoopbackServer.escapeHtml(status) + "; the shop's webhook answered " + delivered + ".</p>"
        + (back.isEmpty() ? "" : "<p><a href=\"" + LoopbackServer.escapeHtml(back) + "\">Back to the shop</a></p>")
        + "</body></html>");
  }

  private JsonNode readJson(HttpExchange exchange) throws IOException {
    try {
      JsonNode node = json.readTree(LoopbackServer.body(exchange));
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private void answer(HttpExchange exchange, ObjectNode object) throws IOException {
    byte[] body;
    synchronized (object) {
      body = json.writeValueAsBytes(object);
    }
    LoopbackServer.send(exchange, 200, "application/json", body);
  }

  private void error(HttpExchange exchange, int status, String code, String description) throws IOException {
    ObjectNode error = json.createObjectNode();
    error.put("type", "error");
    error.put("id", UUID.randomUUID().toString());
    error.put("code", code);
    error.put("description", description);
    LoopbackServer.send(exchange, status, "application/json", json.writeValueAsBytes(error));
  }

  @Override
  public void close() {
    server.close();
  }
}
