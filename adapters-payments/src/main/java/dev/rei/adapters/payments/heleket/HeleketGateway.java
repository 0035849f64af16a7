package dev.rei.adapters.payments.heleket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.adapters.payments.RailHttp;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heleket for {@link Rail#HELEKET}: an invoice per payment ({@code POST /v1/payment}, {@code
 * order_id} = our payment id, so asking twice returns the same invoice), read back with {@code POST
 * /v1/payment/info}. Requests carry {@code merchant} and {@code sign} headers over the exact bytes
 * sent.
 *
 * <p>Refunds are refused ({@link PaymentGateway.RefundRefusedException}): Heleket refunds crypto to
 * a wallet address the payer must give, and signs them with the payout key, not the payment key;
 * an operator refunds in the Heleket dashboard by hand.
 */
public final class HeleketGateway implements PaymentGateway {

  private static final Logger log = LoggerFactory.getLogger(HeleketGateway.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final HeleketSettings settings;
  private final RailHttp http;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpUrl baseUrl;

  public HeleketGateway(HeleketSettings settings) {
    this(settings, new OkHttpClient());
  }

  /** Sharing {@code baseClient}'s connection pool, with the timeouts of {@code settings}. */
  public HeleketGateway(HeleketSettings settings, OkHttpClient baseClient) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = new RailHttp(Rail.HELEKET, baseClient, settings.connectTimeout(), settings.callTimeout());
    this.baseUrl = HttpUrl.get(settings.baseUrl());
  }

  @Override
  public Rail rail() {
    return Rail.HELEKET;
  }

  @Override
  public Checkout create(Payment payment) {
    ObjectNode body = json.createObjectNode();
    body.put("amount", payment.amount().toDecimalString());
    body.put("currency", payment.amount().currency().code());
    body.put("order_id", payment.id().toString());
    body.put("url_callback", settings.callbackUrl());
    body.put("url_return", settings.returnUrl());
    body.put("lifetime", settings.invoiceLifetime().toSeconds());
    String what = "create invoice " + payment.id();
    Reply reply = post("v1/payment", what, body);
    if (reply.notFound()) {
      throw http.refusal(404, what + ": Heleket answered 'not found'");
    }
    try {
      JsonNode result = reply.result();
      ProviderPaymentId uuid = new ProviderPaymentId(requireText(result, "uuid"));
      String url = RailUrls.requireHttpUrl(result.path("url").asText(""), "invoice url");
      log.info("heleket invoice {} created for payment {} ({})", uuid, payment.id(),
          result.path("payment_status").asText(result.path("status").asText("?")));
      return new Checkout(Optional.of(uuid), Optional.of(url));
    } catch (IllegalArgumentException e) {
      throw http.outage(what + ": unreadable answer: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<PaymentNotification> fetch(Payment payment) {
    ObjectNode body = json.createObjectNode();
    body.put("order_id", payment.id().toString());
    String what = "read invoice " + payment.id();
    Reply reply = post("v1/payment/info", what, body);
    if (reply.notFound()) {
      return Optional.empty();
    }
    try {
      return notification(reply.result(), payment);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw http.outage(what + ": unreadable answer: " + e.getMessage(), e);
    }
  }

  @Override
  public void refund(Payment payment) {
    throw new PaymentGateway.RefundRefusedException("cannot refund payment " + payment.id()
        + " automatically: Heleket returns crypto only to a wallet address the payer gives, signed with the payout"
        + " key; refund it in the Heleket dashboard");
  }

  private Optional<PaymentNotification> notification(JsonNode result, Payment payment) {
    String orderId = result.path("order_id").asText("");
    if (!orderId.equals(payment.id().toString())) {
      log.error("heleket invoice read for payment {} names order '{}': ignoring it", payment.id(),
          RailHttp.truncate(orderId));
      return Optional.empty();
    }
    ProviderPaymentId uuid = new ProviderPaymentId(requireText(result, "uuid"));
    // payment/info names it "payment_status"; the invoice and webhook shapes "status".
    String statusText = result.hasNonNull("payment_status") ? result.path("payment_status").asText()
        : result.path("status").asText("");
    Optional<HeleketStatus> parsed = HeleketStatus.parse(statusText);
    if (parsed.isEmpty()) {
      log.warn("heleket invoice {} has an unknown status '{}'; treating it as pending", uuid,
          RailHttp.truncate(statusText));
    }
    HeleketStatus status = parsed.orElse(HeleketStatus.PROCESS);
    Currency currency = currency(result.path("currency").asText(""), payment.amount().currency());
    Money invoiced = Money.parse(requireText(result, "amount"), currency);
    Money paid = status == HeleketStatus.WRONG_AMOUNT ? underpaid(result, invoiced, payment.amount()) : invoiced;
    if (status == HeleketStatus.LOCKED || status == HeleketStatus.REFUND_PAID || status == HeleketStatus.REFUND_FAIL
        || status == HeleketStatus.WRONG_AMOUNT) {
      log.warn("heleket invoice {} of payment {} is {}: needs an operator's look", uuid, payment.id(), status.wire());
    }
    ReportedStatus reported = status.reported();
    return Optional.of(new PaymentNotification(Rail.HELEKET, payment.id(), uuid, reported, paid, Optional.empty()));
  }

  /**
   * What an underpaid invoice received, in the invoice's currency: {@code payment_amount} is in the
   * payer's currency, so it is scaled by the invoice amount over {@code payer_amount} (what the
   * payer was asked). Heleket calls it underpaid, so it is kept below what was asked even when
   * rounding says otherwise; the core then refuses it as an amount mismatch and alerts admins.
   */
  private static Money underpaid(JsonNode result, Money invoiced, Money asked) {
    Currency currency = invoiced.currency();
    BigDecimal value = BigDecimal.ZERO;
    try {
      BigDecimal paymentAmount = new BigDecimal(result.path("payment_amount").asText("0"));
      String payerCurrency = result.path("payer_currency").asText("");
      if (payerCurrency.equalsIgnoreCase(currency.code())) {
        value = paymentAmount;
      } else {
        BigDecimal payerAmount = new BigDecimal(result.path("payer_amount").asText("0"));
        if (payerAmount.signum() > 0) {
          value = new BigDecimal(invoiced.toDecimalString()).multiply(paymentAmount)
              .divide(payerAmount, currency.fractionDigits() + 4, RoundingMode.DOWN);
        }
      }
    } catch (NumberFormatException e) {
      value = BigDecimal.ZERO;
    }
    long minor = value.max(BigDecimal.ZERO).movePointRight(currency.fractionDigits())
        .setScale(0, RoundingMode.DOWN).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
    long ceiling = asked.currency().equals(currency) ? asked.minorUnits() - 1 : invoiced.minorUnits() - 1;
    return Money.ofMinor(Math.max(0, Math.min(minor, ceiling)), currency);
  }

  private Reply post(String path, String what, ObjectNode body) {
    byte[] bytes = HeleketSigner.encodePhpStyle(body);
    Request request = new Request.Builder()
        .url(baseUrl.newBuilder().addPathSegments(path).build())
        .header("merchant", settings.merchantId())
        .header("sign", HeleketSigner.sign(bytes, settings.apiKey()))
        .post(RequestBody.create(bytes, JSON))
        .build();
    RailHttp.Answer answer = http.send(request, what);
    JsonNode envelope = readJson(answer.body());
    String message = envelope == null ? "" : RailHttp.truncate(envelope.path("message").asText("")
        + (envelope.hasNonNull("errors") ? " " + envelope.get("errors") : ""));
    if (answer.status() == 404 || (answer.status() / 100 == 2 || answer.status() / 100 == 4)
        && message.toLowerCase(Locale.ROOT).contains("not found")) {
      return new Reply(null, true);
    }
    if (answer.status() / 100 != 2) {
      throw http.failure(answer, what, message.strip());
    }
    if (envelope == null || !envelope.isObject()) {
      throw http.outage(what + ": unreadable answer (not a JSON object)", null);
    }
    if (envelope.path("state").asInt(-1) != 0) {
      throw http.refusal(answer.status(), what + " refused: state " + envelope.path("state").asText("?") + " "
          + message.strip());
    }
    JsonNode result = envelope.path("result");
    if (!result.isObject()) {
      throw http.outage(what + ": answer has no result object", null);
    }
    return new Reply(result, false);
  }

  private JsonNode readJson(byte[] body) {
    try {
      return body.length == 0 ? null : json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String requireText(JsonNode node, String field) {
    String text = node.path(field).asText("");
    if (text.isBlank()) {
      throw new IllegalArgumentException("no " + field);
    }
    return text;
  }

  /** The payment's own currency when the codes agree (so a match compares equal), else the code as Heleket wrote it. */
  static Currency currency(String code, Currency expected) {
    String upper = code.strip().toUpperCase(Locale.ROOT);
    return expected.code().equals(upper) ? expected : new Currency(upper, 8);
  }

  private record Reply(JsonNode result, boolean notFound) {}
}
