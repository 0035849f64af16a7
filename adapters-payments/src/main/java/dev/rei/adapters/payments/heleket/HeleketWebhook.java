package dev.rei.adapters.payments.heleket;

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
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.Rail;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/heleket}. Checks the sender's address ({@code HELEKET_ALLOWED_IPS}; wrong →
 * 403) and the {@code sign} inside the body over its raw bytes ({@link HeleketSigner}; wrong → 401).
 * A webhook about a non-final status needs nothing. For a final one the invoice is read back with
 * {@code POST /v1/payment/info} and what Heleket says there is settled: {@code paid} / {@code
 * paid_over} credit the package (never more), {@code wrong_amount} reaches the core as the smaller
 * amount paid, which it refuses and alerts admins about, {@code fail} / {@code cancel} / {@code
 * system_fail} cancel. Replays answer 200 and settle nothing twice.
 */
public final class HeleketWebhook implements WebhookHandler {

  private static final Logger log = LoggerFactory.getLogger(HeleketWebhook.class);

  private final HeleketSettings settings;
  private final WebhookSettings webhook;
  private final PaymentStore payments;
  private final WebhookSettlement settlement;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param gateway the Heleket gateway (bare or behind its {@link dev.rei.adapters.payments.BreakingGateway})
   */
  public HeleketWebhook(HeleketSettings settings, WebhookSettings webhook, PaymentGateway gateway,
      PaymentStore payments, SettlePaymentUseCase settle) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.webhook = Objects.requireNonNull(webhook, "webhook");
    this.payments = Objects.requireNonNull(payments, "payments");
    if (gateway.rail() != Rail.HELEKET) {
      throw new IllegalArgumentException("the Heleket webhook needs the Heleket gateway, not " + gateway.rail());
    }
    this.settlement = new WebhookSettlement(gateway, settle);
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    return WebhookGuard.handle("heleket", request, this::handleChecked);
  }

  private WebhookResponse handleChecked(WebhookRequest request) {
    InetAddress client = ClientAddress.resolve(request, webhook);
    if (!settings.allowedIps().allows(client)) {
      log.warn("heleket webhook rejected: sender {} is not in HELEKET_ALLOWED_IPS", client.getHostAddress());
      return WebhookResponse.of(403, "forbidden");
    }
    if (!HeleketSigner.verifyWebhook(request.body(), settings.apiKey())) {
      log.warn("heleket webhook rejected: missing or wrong signature, from {}", client.getHostAddress());
      return WebhookResponse.of(401, "bad signature");
    }
    JsonNode body;
    try {
      body = json.readTree(request.body());
    } catch (IOException e) {
      // The signature matched, so this cannot happen unless the verifier and the parser disagree.
      log.warn("heleket webhook rejected: signed body is not JSON");
      return WebhookResponse.of(400, "not JSON");
    }
    String type = body.path("type").asText("payment");
    String uuid = RailHttp.truncate(body.path("uuid").asText("?"));
    if (!type.equals("payment")) {
      log.info("heleket webhook: a '{}' webhook ({}) needs nothing from us", RailHttp.truncate(type), uuid);
      return WebhookResponse.ok();
    }
    String statusText = body.path("status").asText("");
    Optional<HeleketStatus> status = HeleketStatus.parse(statusText);
    String orderId = body.path("order_id").asText("");
    PaymentId paymentId;
    try {
      paymentId = PaymentId.parse(orderId);
    } catch (IllegalArgumentException e) {
      log.warn("heleket webhook rejected: invoice {} has order id '{}', no payment id of ours", uuid,
          RailHttp.truncate(orderId));
      return WebhookResponse.ok();
    }
    if (status.isPresent() && !status.get().isFinal()) {
      log.info("heleket webhook: invoice {} of payment {} is {}, not final; nothing to do", uuid, paymentId,
          status.get().wire());
      return WebhookResponse.ok();
    }
    return settlement.settle(() -> payments.find(paymentId),
        "Heleket invoice " + uuid + " of order " + paymentId + " (" + RailHttp.truncate(statusText) + ")");
  }
}
