package dev.rei.adapters.payments.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.heleket.HeleketSigner;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heleket on loopback for the sandbox and tests: {@code POST /v1/payment} (create invoice, the same
 * {@code order_id} returns the same invoice) and {@code POST /v1/payment/info}, both checking the
 * {@code merchant} and {@code sign} headers as Heleket does; {@code GET /pay/{uuid}} shows a tiny pay
 * page, and {@code GET|POST /pay/{uuid}/confirm[?status=paid|paid_over|wrong_amount|cancel|fail]}
 * sets the invoice's status and POSTs a correctly signed webhook to the invoice's {@code
 * url_callback}. The sender is 127.0.0.1, so the sandbox's {@code HELEKET_ALLOWED_IPS} must include it.
 */
public final class FakeHeleketServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FakeHeleketServer.class);
  private static final Set<String> PAYABLE = Set.of("paid", "paid_over", "wrong_amount", "cancel", "fail",
      "system_fail");
  private static final Set<String> FINAL = Set.of("paid", "paid_over", "wrong_amount", "cancel", "fail",
      "system_fail", "locked", "refund_paid", "refund_fail");

  private final String merchantId;
  private final Secret apiKey;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, ObjectNode> byUuid = new ConcurrentHashMap<>();
  private final Map<String, String> uuidByOrder = new ConcurrentHashMap<>();
  private final LoopbackServer server;

  /** Starts listening on a free loopback port at once. */
  public FakeHeleketServer(String merchantId, Secret apiKey) {
    this(merchantId, apiKey, Clock.systemUTC());
  }

  public FakeHeleketServer(String merchantId, Secret apiKey, Clock clock) {
    this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.server = new LoopbackServer("fake-heleket", this::route);
  }

  /** The base URL for {@code HELEKET_BASE_URL}, e.g. {@code http://127.0.0.1:41234/}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The invoice as the API would return it, if there is one with this uuid. */
  public Optional<JsonNode> invoice(String uuid) {
    return Optional.ofNullable(byUuid.get(uuid)).map(ObjectNode::deepCopy);
  }

  public Optional<JsonNode> invoiceOfOrder(String orderId) {
    return Optional.ofNullable(uuidByOrder.get(orderId)).flatMap(this::invoice);
  }

  /**
   * Sets the invoice's status as a payer's action would and sends its webhook; returns the HTTP
   * status the callback answered, or -1 if it could not be reached.
   */
  public int pay(String uuid, String status) {
    ObjectNode invoice = byUuid.get(uuid);
    if (invoice == null) {
      throw new IllegalArgumentException("no invoice " + uuid);
    }
    if (!PAYABLE.contains(status)) {
      throw new IllegalArgumentException("cannot simulate status " + status);
    }
    synchronized (invoice) {
      BigDecimal asked = new BigDecimal(invoice.get("payer_amount").asText());
      BigDecimal paid = switch (status) {
        case "paid" -> asked;
        case "paid_over" -> asked.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.DOWN);
        case "wrong_amount" -> asked.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        default -> BigDecimal.ZERO;
      };
      invoice.put("payment_amount", paid.toPlainString());
      invoice.put("merchant_amount", paid.toPlainString());
      invoice.put("payment_status", status);
      invoice.put("status", status);
      invoice.put("is_final", FINAL.contains(status));
      invoice.put("updated_at", clock.instant().toString());
    }
    return resend(uuid);
  }

  /** Sends the invoice's webhook again, as Heleket's "resend" does. */
  public int resend(String uuid) {
    ObjectNode invoice = byUuid.get(uuid);
    if (invoice == null) {
      throw new IllegalArgumentException("no invoice " + uuid);
    }
    ObjectNode webhook = json.createObjectNode();
    String callback;
    synchronized (invoice) {
      webhook.put("type", "payment");
      for (String field : new String[] {"uuid", "order_id", "amount", "payment_amount", "payment_amount_usd",
          "merchant_amount", "commission", "is_final", "status", "from", "wallet_address_uuid", "network",
          "currency", "payer_currency", "payer_amount", "additional_data", "txid"}) {
        webhook.set(field, invoice.get(field));
      }
      callback = invoice.path("url_callback").asText("");
    }
    if (callback.isEmpty()) {
      return -1;
    }
    int status = server.deliver(callback, HeleketSigner.signedWebhookBody(webhook, apiKey));
    log.info("fake heleket sent the {} webhook of invoice {}: callback answered {}", webhook.path("status").asText(),
        uuid, status);
    return status;
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (method.equals("POST") && path.equals("/v1/payment")) {
      withAuth(exchange, this::create);
    } else if (method.equals("POST") && path.equals("/v1/payment/info")) {
      withAuth(exchange, this::info);
    } else if (path.startsWith("/pay/") && path.endsWith("/confirm")) {
      String uuid = path.substring("/pay/".length(), path.length() - "/confirm".length());
      confirm(exchange, uuid);
    } else if (method.equals("GET") && path.startsWith("/pay/")) {
      payPage(exchange, path.substring("/pay/".length()));
    } else {
      LoopbackServer.send(exchange, 404, "application/json", "{\"state\":1,\"message\":\"Not found\"}");
    }
  }

  private interface Api {
    void answer(HttpExchange exchange, JsonNode request) throws IOException;
  }

  private void withAuth(HttpExchange exchange, Api api) throws IOException {
    byte[] body = LoopbackServer.body(exchange);
    String merchant = exchange.getRequestHeaders().getFirst("merchant");
    String sign = exchange.getRequestHeaders().getFirst("sign");
    if (!merchantId.equals(merchant) || sign == null || !sign.equals(HeleketSigner.sign(body, apiKey))) {
      LoopbackServer.send(exchange, 401, "application/json", "{\"state\":1,\"message\":\"Unauthorized\"}");
      return;
    }
    JsonNode request;
    try {
      request = json.readTree(body);
    } catch (IOException e) {
      request = null;
    }
    if (request == null || !request.isObject()) {
      LoopbackServer.send(exchange, 422, "application/json",
          "{\"state\":1,\"message\":\"Validation error\",\"errors\":{\"body\":[\"not JSON\"]}}");
      return;
    }
    api.answer(exchange, request);
  }

  private void create(HttpExchange exchange, JsonNode request) throws IOException {
    String orderId = request.path("order_id").asText("");
    String amount = request.path("amount").asText("");
    String currency = request.path("currency").asText("");
    if (orderId.isEmpty() || !amount.matches("[0-9]+(\\.[0-9]+)?") || currency.isEmpty()) {
      LoopbackServer.send(exchange, 422, "application/json",
          "{\"state\":1,\"message\":\"Validation error\",\"errors\":{\"amount\":[\"required\"]}}");
      return;
    }
    String uuid = uuidByOrder.computeIfAbsent(orderId, order -> {
      String id = UUID.randomUUID().toString();
      ObjectNode invoice = json.createObjectNode();
      invoice.put("uuid", id);
      invoice.put("order_id", order);
      invoice.put("amount", amount);
      invoice.put("payment_amount", "0.00");
      invoice.put("payment_amount_usd", "0.00");
      invoice.put("payer_amount", amount);
      invoice.put("payer_currency", currency);
      invoice.put("currency", currency);
      invoice.put("merchant_amount", "0.00");
      invoice.put("commission", "0.00");
      invoice.put("network", "tron");
      invoice.put("address", "TSimulatedAddress0000000000000000");
      invoice.putNull("from");
      invoice.putNull("txid");
      invoice.putNull("wallet_address_uuid");
      invoice.putNull("additional_data");
      invoice.put("payment_status", "check");
      invoice.put("status", "check");
      invoice.put("url", baseUrl() + "pay/" + id);
      invoice.put("url_callback", request.path("url_callback").asText(""));
      invoice.put("url_return", request.path("url_return").asText(""));
      invoice.put("expired_at", clock.instant().getEpochSecond() + request.path("lifetime").asLong(3600));
      invoice.put("is_final", false);
      invoice.put("created_at", clock.instant().toString());
      invoice.put("updated_at", clock.instant().toString());
      byUuid.put(id, invoice);
      return id;
    });
    answer(exchange, byUuid.get(uuid));
  }

  private void info(HttpExchange exchange, JsonNode request) throws IOException {
    String uuid = request.hasNonNull("order_id") ? uuidByOrder.get(request.get("order_id").asText())
        : request.path("uuid").asText("");
    ObjectNode invoice = uuid == null ? null : byUuid.get(uuid);
    if (invoice == null) {
      LoopbackServer.send(exchange, 404, "application/json", "{\"state\":1,\"message\":\"Payment not found\"}");
      return;
    }
    answer(exchange, invoice);
  }

  private void answer(HttpExchange exchange, ObjectNode invoice) throws IOException {
    ObjectNode envelope = json.createObjectNode();
    envelope.put("state", 0);
    synchronized (invoice) {
      ObjectNode result = invoice.deepCopy();
      result.remove("url_callback");
      envelope.set("result", result);
    }
    LoopbackServer.send(exchange, 200, "application/json", json.writeValueAsBytes(envelope));
  }

  private void payPage(HttpExchange exchange, String uuid) throws IOException {
    ObjectNode invoice = byUuid.get(uuid);
    if (invoice == null) {
      LoopbackServer.send(exchange, 404, "text/html; charset=utf-8", "<p>No such invoice.</p>");
      return;
    }
    String amount = LoopbackServer.escapeHtml(invoice.path("amount").asText() + " " + invoice.path("currency").asText());
    String base = "/pay/" + LoopbackServer.escapeHtml(uuid) + "/confirm";
    String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Heleket (simulated)</title></head><body>"
        + "<h1>Simulated Heleket invoice</h1><p>Amount: " + amount + "</p><p>Status: "
        + LoopbackServer.escapeHtml(invoice.path("status").asText()) + "</p>"
        + "<p><a href=\"" + base + "?status=paid\">Pay</a></p>"
        + "<p><a href=\"" + base + "?status=paid_over\">Pay 10% more</a> · "
        + "<a href=\"" + base + "?status=wrong_amount\">Pay half</a> · "
        + "<a href=\"" + base + "?status=cancel\">Cancel</a></p></body></html>";
    LoopbackServer.send(exchange, 200, "text/html; charset=utf-8", page);
  }

  private void confirm(HttpExchange exchange, String uuid) throws IOException {
    LoopbackServer.body(exchange);
    if (!byUuid.containsKey(uuid)) {
      LoopbackServer.send(exchange, 404, "text/html; charset=utf-8", "<p>No such invoice.</p>");
      return;
    }
    String status = LoopbackServer.query(exchange).getOrDefault("status", "paid");
    if (!PAYABLE.contains(status)) {
      LoopbackServer.send(exchange, 400, "text/html; charset=utf-8", "<p>Unknown status.</p>");
      return;
    }
    int delivered = pay(uuid, status);
    String back = byUuid.get(uuid).path("url_return").asText("");
    LoopbackServer.send(exchange, 200, "text/html; charset=utf-8", "<!doctype html><html><body><p>Invoice is now "
        + LoopbackServer.escapeHtml(status) + "; the shop's webhook answered " + delivered + ".</p>"
        + (back.isEmpty() ? "" : "<p><a href=\"" + LoopbackServer.escapeHtml(back) + "\">Back to the shop</a></p>")
        + "</body></html>");
  }

  @Override
  public void close() {
    server.close();
  }
}
