package dev.rei.adapters.payments.yookassa;

import dev.rei.adapters.payments.RailRefusal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.adapters.payments.RailHttp;
import dev.rei.adapters.payments.RailRefusal;
import dev.rei.adapters.payments.RailUrls;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * YooKassa API v3 for {@link Rail#YOOKASSA}: one-stage payments ({@code capture: true}) with a
 * redirect confirmation back to the bot, read back with {@code GET /v3/payments/{id}}, refunded in
 * full. Every POST carries an {@code Idempotence-Key} derived from our payment id, so a repeated
 * call (ours or a retry after a 500) never makes a second payment or refund.
 *
 * <p>Statuses: {@code succeeded} → SUCCEEDED, {@code canceled} → CANCELED, {@code pending} →
 * PENDING. {@code waiting_for_capture} happens only with {@code capture: false}, which Rei never
 * sends; should it appear anyway it is reported PENDING (nothing is credited for money that is only
 * held, and YooKassa cancels an uncaptured payment itself when the hold expires).
 */
public final class YooKassaGateway implements PaymentGateway {

  private static final Logger log = LoggerFactory.getLogger(YooKassaGateway.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final int MAX_DESCRIPTION = 128;

  private final YooKassaSettings settings;
  private final RailHttp http;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpUrl baseUrl;
  private final String authorization;

  public YooKassaGateway(YooKassaSettings settings) {
    this(settings, new OkHttpClient());
  }

  /** Sharing {@code baseClient}'s connection pool, with the timeouts of {@code settings}. */
  public YooKassaGateway(YooKassaSettings settings, OkHttpClient baseClient) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = new RailHttp(Rail.YOOKASSA, baseClient, settings.connectTimeout(), settings.callTimeout());
    this.baseUrl = HttpUrl.get(settings.baseUrl());
    this.authorization = Credentials.basic(settings.shopId(), settings.secretKey().reveal());
  }

  @Override
  public Rail rail() {
    return Rail.YOOKASSA;
  }

  @Override
  public Checkout create(Payment payment) {
    ObjectNode body = json.createObjectNode();
    body.set("amount", amount(payment.amount()));
    body.put("capture", true);
    ObjectNode confirmation = body.putObject("confirmation");
    confirmation.put("type", "redirect");
    confirmation.put("return_url", settings.returnUrl());
    String description = description(payment);
    body.put("description", description);
    body.putObject("metadata").put("payment_id", payment.id().toString());
    settings.receipt().ifPresent(receipt -> body.set("receipt", receipt(receipt, payment, description)));

    JsonNode answer = post("v3/payments", "create payment " + payment.id(), payment.id().toString(), body);
    try {
      ProviderPaymentId id = providerId(answer.path("id").asText(""));
      String url = RailUrls.requireHttpUrl(answer.path("confirmation").path("confirmation_url").asText(""),
          "confirmation_url");
      log.info("yookassa payment {} created as {} ({})", payment.id(), id, answer.path("status").asText("?"));
      return new Checkout(Optional.of(id), Optional.of(url));
    } catch (IllegalArgumentException e) {
      throw http.outage("create payment " + payment.id() + ": unreadable answer: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<PaymentNotification> fetch(Payment payment) {
    if (payment.providerPaymentId().isEmpty()) {
      // YooKassa cannot be searched by our metadata; a payment never bound was never shown to its payer.
      return Optional.empty();
    }
    ProviderPaymentId railId = payment.providerPaymentId().get();
    String what = "read payment " + railId;
    HttpUrl url = baseUrl.newBuilder().addPathSegments("v3/payments").addPathSegment(railId.value()).build();
    RailHttp.Answer answer = http.send(new Request.Builder().url(url).header("Authorization", authorization).get()
        .build(), what);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    JsonNode object = parse(answer, what);
    try {
      return notification(object, payment, railId);
    } catch (IllegalArgumentException e) {
      throw http.outage(what + ": unreadable answer: " + e.getMessage(), e);
    }
  }

  @Override
  public void refund(Payment payment) {
    try {
      refundAtYooKassa(payment);
    } catch (GatewayUnavailableException e) {
      if (e.getCause() instanceof RailRefusal) {
        // YooKassa answered no (a 4xx, a canceled refund): trying again will not help, the operator must act.
        throw new RefundRefusedException(e.getMessage());
      }
      throw e;
    }
  }

  private void refundAtYooKassa(Payment payment) {
    ProviderPaymentId railId = payment.providerPaymentId()
        .orElseThrow(() -> http.refusal(0, "refund of payment " + payment.id() + ": it has no YooKassa id"));
    ObjectNode body = json.createObjectNode();
    body.put("payment_id", railId.value());
    body.set("amount", amount(payment.amount()));
    String description = "Возврат: " + description(payment);
    body.put("description", truncate(description));
    settings.receipt().ifPresent(receipt -> body.set("receipt", receipt(receipt, payment, description)));
    String what = "refund payment " + railId;
    JsonNode answer = post("v3/refunds", what, "refund-" + payment.id(), body);
    String status = answer.path("status").asText("");
    if (status.equals("canceled")) {
      throw http.refusal(200, what + ": YooKassa canceled the refund ("
          + answer.path("cancellation_details").path("reason").asText("no reason given") + ")");
    }
    log.info("yookassa refund of payment {} ({}): {}", payment.id(), railId, status);
  }

  private Optional<PaymentNotification> notification(JsonNode object, Payment payment, ProviderPaymentId railId) {
    String id = object.path("id").asText("");
    String ours = object.path("metadata").path("payment_id").asText("");
    if (!id.equals(railId.value()) || !ours.equals(payment.id().toString())) {
      log.error("yookassa payment {} read as {} answered for id {} with our payment id '{}': ignoring it", payment.id(),
          railId, RailHttp.truncate(id), RailHttp.truncate(ours));
      return Optional.empty();
    }
    String status = object.path("status").asText("");
    ReportedStatus reported = switch (status) {
      case "succeeded" -> ReportedStatus.SUCCEEDED;
      case "canceled" -> ReportedStatus.CANCELED;
      case "pending", "waiting_for_capture" -> ReportedStatus.PENDING;
      default -> {
        log.warn("yookassa payment {} has an unknown status '{}'; treating it as pending", railId,
            RailHttp.truncate(status));
        yield ReportedStatus.PENDING;
      }
    };
    if (reported == ReportedStatus.CANCELED) {
      JsonNode details = object.path("cancellation_details");
      log.info("yookassa payment {} canceled by {}: {}", railId, details.path("party").asText("?"),
          details.path("reason").asText("?"));
    }
    JsonNode amount = object.path("amount");
    Money paid = Money.parse(amount.path("value").asText(""),
        currency(amount.path("currency").asText(""), payment.amount().currency()));
    return Optional.of(new PaymentNotification(Rail.YOOKASSA, payment.id(), railId, reported, paid, Optional.empty()));
  }

  private JsonNode post(String path, String what, String idempotenceKey, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a YooKassa request", e);
    }
    Request request = new Request.Builder()
        .url(baseUrl.newBuilder().addPathSegments(path).build())
        .header("Authorization", authorization)
        .header("Idempotence-Key", idempotenceKey)
        .post(RequestBody.create(bytes, JSON))
        .build();
    return parse(http.send(request, what), what);
  }

  /** The answer's JSON when it is a success; an outage or refusal otherwise. */
  private JsonNode parse(RailHttp.Answer answer, String what) {
    if (answer.status() / 100 != 2) {
      throw http.failure(answer, what, errorDetail(answer.body()));
    }
    try {
      JsonNode node = json.readTree(answer.body());
      if (node == null || !node.isObject()) {
        throw new IOException("not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw http.outage(what + ": unreadable answer (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** YooKassa's error object: {@code {"type":"error","code":"…","description":"…","parameter":"…"}}. */
  private String errorDetail(byte[] body) {
    try {
      JsonNode error = json.readTree(body);
      if (error != null && error.isObject()) {
        String detail = error.path("code").asText("") + " " + error.path("description").asText("")
            + (error.hasNonNull("parameter") ? " (" + error.path("parameter").asText() + ")" : "");
        return RailHttp.truncate(detail.strip());
      }
    } catch (IOException e) {
      // Not JSON (a proxy's error page): the status says enough.
    }
    return "";
  }

  private ObjectNode amount(Money money) {
    ObjectNode amount = json.createObjectNode();
    amount.put("value", money.toDecimalString());
    amount.put("currency", money.currency().code());
    return amount;
  }

  private ObjectNode receipt(YooKassaReceipt receipt, Payment payment, String description) {
    ObjectNode node = json.createObjectNode();
    node.putObject("customer").put("email", receipt.email());
    ObjectNode item = node.putArray("items").addObject();
    item.put("description", truncate(description));
    item.put("quantity", "1.00");
    item.set("amount", amount(payment.amount()));
    item.put("vat_code", receipt.vatCode());
    item.put("payment_mode", receipt.paymentMode());
    item.put("payment_subject", receipt.paymentSubject());
    receipt.taxSystemCode().ifPresent(code -> node.put("tax_system_code", code));
    return node;
  }

  private static String description(Payment payment) {
    return truncate("Пополнение баланса, кредитов: " + payment.credits().total());
  }

  private static String truncate(String text) {
    return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text;
  }

  private static ProviderPaymentId providerId(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a YooKassa payment id: " + RailHttp.truncate(id));
    }
    return new ProviderPaymentId(id);
  }

  /** The payment's own currency when the codes agree (so a match compares equal), else the code as YooKassa wrote it. */
  static Currency currency(String code, Currency expected) {
    return expected.code().equals(code) ? expected : new Currency(code, 2);
  }
}
