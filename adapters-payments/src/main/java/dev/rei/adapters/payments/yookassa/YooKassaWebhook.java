package dev.rei.adapters.payments.yookassa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.payments.RailHttp;
import dev.rei.adapters.payments.webhook.ClientAddress;
import dev.rei.adapters.payments.webhook.WebhookGuard;
import dev.rei.adapters.payments.webhook.WebhookHandler;
import dev.rei.adapters.payments.webhook.WebhookRequest;
import dev.rei.adapters.payments.webhook.WebhookResponse;
import dev.rei.adapters.payments.webhook.WebhookSettings;
import dev.rei.adapters.payments.webhook.WebhookSettlement;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/yookassa/{secret}}. YooKassa signs nothing, so a notification is believed
 * for nothing but the payment id it names, and only after two checks: the secret path segment
 * (compared in constant time; wrong → 404) and the sender's address in YooKassa's published ranges
 * (wrong → 403). The payment is then read back with {@code GET /v3/payments/{id}} and what
 * YooKassa says there is settled; the body's status and amount are never used. Answers 200 to
 * anything that can never succeed (unknown payment, duplicate, mismatch) so YooKassa stops
 * repeating it for 24 hours, and 503 while YooKassa's API or our store is down.
 */
public final class YooKassaWebhook implements WebhookHandler {

  private static final Logger log = LoggerFactory.getLogger(YooKassaWebhook.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final YooKassaSettings settings;
  private final WebhookSettings webhook;
  private final PaymentStore payments;
  private final WebhookSettlement settlement;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param gateway the YooKassa gateway (bare or behind its {@link dev.rei.adapters.payments.BreakingGateway})
   */
  public YooKassaWebhook(YooKassaSettings settings, WebhookSettings webhook, PaymentGateway gateway,
      PaymentStore payments, SettlePaymentUseCase settle) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.webhook = Objects.requireNonNull(webhook, "webhook");
    this.payments = Objects.requireNonNull(payments, "payments");
    if (gateway.rail() != Rail.YOOKASSA) {
      throw new IllegalArgumentException("the YooKassa webhook needs the YooKassa gateway, not " + gateway.rail());
    }
    this.settlement = new WebhookSettlement(gateway, settle);
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    return WebhookGuard.handle("yookassa", request, this::handleChecked);
  }

  private WebhookResponse handleChecked(WebhookRequest request) {
    String path = request.path();
    String secret = path.substring(path.lastIndexOf('/') + 1);
    InetAddress client = ClientAddress.resolve(request, webhook);
    if (!settings.webhookSecret().matches(secret)) {
      // The path is not logged: a near miss would tell a reader of the log most of the secret.
      log.warn("yookassa webhook rejected: wrong secret path segment, from {}", client.getHostAddress());
      return WebhookResponse.of(404, "not found");
    }
    if (!settings.allowedIps().allows(client)) {
      log.warn("yookassa webhook rejected: sender {} is not in YOOKASSA_ALLOWED_IPS", client.getHostAddress());
      return WebhookResponse.of(403, "forbidden");
    }
    JsonNode notification;
    try {
      notification = json.readTree(request.body());
    } catch (IOException e) {
      log.warn("yookassa webhook rejected: body from {} is not JSON", client.getHostAddress());
      return WebhookResponse.of(400, "not JSON");
    }
    if (notification == null || !notification.isObject()) {
      log.warn("yookassa webhook rejected: body from {} is not a JSON object", client.getHostAddress());
      return WebhookResponse.of(400, "not a notification");
    }
    String event = notification.path("event").asText("");
    String id = notification.path("object").path("id").asText("");
    if (!ID.matcher(id).matches()) {
      log.warn("yookassa webhook rejected: event '{}' names no valid object id", RailHttp.truncate(event));
      return WebhookResponse.of(400, "no object id");
    }
    if (!event.startsWith("payment.")) {
      // refund.succeeded and the rest: a refund is recorded when an admin makes it, not from here.
      log.info("yookassa webhook: event '{}' for {} needs nothing from us", RailHttp.truncate(event), id);
      return WebhookResponse.ok();
    }
    ProviderPaymentId railId = new ProviderPaymentId(id);
    return settlement.settle(() -> payments.findByProviderId(Rail.YOOKASSA, railId),
        "YooKassa payment " + id + " (" + RailHttp.truncate(event) + ")");
  }
}
