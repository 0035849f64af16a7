package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Invoices and their checkout: sendInvoice, answerPreCheckoutQuery and refundStarPayment. */
final class PaymentMethods {

  private static final String STARS = "XTR";

  private final EmulatorState state;

  PaymentMethods(EmulatorState state) {
    this.state = state;
  }

  void register(Map<String, MethodHandler> handlers) {
    handlers.put("sendInvoice", this::sendInvoice);
    handlers.put("answerPreCheckoutQuery", this::answerPreCheckoutQuery);
    handlers.put("refundStarPayment", this::refundStarPayment);
  }

  private ApiResponse sendInvoice(ApiParams params) {
    long chatId = params.chatId();
    Invoice invoice = invoiceOf(params);
    Keyboard keyboard = KeyboardParser.parse(params).orElse(null);
    if (keyboard != null && (keyboard.kind() != Keyboard.Kind.INLINE || keyboard.buttons().isEmpty()
        || !keyboard.buttons().get(0).action().equals("pay"))) {
      throw ApiRefusal.badRequest("the first button of an invoice must be a Pay button");
    }
    EmulatedUser user = state.conversations.requireReachable(chatId);
    state.admitMessageTo(chatId);
    ChatMessage sent = state.conversations.append(chatId, messageId -> new ChatMessage(chatId, messageId, true,
        state.settings.botId(), state.nowEpochSeconds(), null, null, null, List.of(), keyboard, null, invoice, null,
        0, 0, false));
    return ApiResponse.ok(state.render.message(sent, user));
  }

  private Invoice invoiceOf(ApiParams params) {
    String title = params.requiredText("title", "title is empty");
    if (title.length() > 32) {
      throw ApiRefusal.badRequest("INVOICE_TITLE_INVALID");
    }
    String description = params.requiredText("description", "description is empty");
    if (description.length() > 255) {
      throw ApiRefusal.badRequest("INVOICE_DESCRIPTION_INVALID");
    }
    String payload = params.requiredText("payload", "INVOICE_PAYLOAD_INVALID");
    if (payload.getBytes(StandardCharsets.UTF_8).length > 128) {
      throw ApiRefusal.badRequest("INVOICE_PAYLOAD_INVALID");
    }
    String currency = params.requiredText("currency", "currency is empty");
    String providerToken = params.text("provider_token").orElse("");
    if (currency.equals(STARS) && !providerToken.isEmpty()) {
      throw ApiRefusal.badRequest("PAYMENT_PROVIDER_INVALID");
    }
    if (!currency.equals(STARS) && providerToken.isEmpty()) {
      throw ApiRefusal.badRequest("PAYMENT_PROVIDER_INVALID");
    }
    List<Invoice.Price> prices = pricesOf(params);
    if (currency.equals(STARS) && prices.size() != 1) {
      throw ApiRefusal.badRequest("STARS_INVOICE_INVALID");
    }
    return new Invoice(title, description, payload, currency, prices, params.text("start_parameter").orElse(null));
  }

  private static List<Invoice.Price> pricesOf(ApiParams params) {
    JsonNode array = params.json("prices", "can't parse prices JSON object")
        .orElseThrow(() -> ApiRefusal.badRequest("parameter \"prices\" is required"));
    if (!array.isArray() || array.isEmpty()) {
      throw ApiRefusal.badRequest("can't parse prices JSON object");
    }
    List<Invoice.Price> prices = new ArrayList<>();
    for (JsonNode price : array) {
      String label = price.path("label").asText("");
      JsonNode amount = price.path("amount");
      if (label.isEmpty() || !amount.canConvertToLong() || amount.asLong() <= 0) {
        throw ApiRefusal.badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
      }
      prices.add(new Invoice.Price(label, amount.asLong()));
    }
    return prices;
  }

  private ApiResponse answerPreCheckoutQuery(ApiParams params) {
    String queryId = params.requiredText("pre_checkout_query_id", "QUERY_ID_INVALID");
    if (!params.has("ok")) {
      throw ApiRefusal.badRequest("parameter \"ok\" is required");
    }
    state.payments.answer(queryId, params.flag("ok"), params.text("error_message").orElse(null), state.now());
    return ApiResponse.ok(true);
  }

  private ApiResponse refundStarPayment(ApiParams params) {
    long userId = params.longValue("user_id").orElseThrow(() -> ApiRefusal.badRequest("user not found"));
    String chargeId = params.requiredText("telegram_payment_charge_id", "CHARGE_ID_EMPTY");
    SuccessfulPayment refund = state.payments.refund(userId, chargeId);
    EmulatedUser user = state.conversations.user(userId).orElseThrow(() -> ApiRefusal.badRequest("user not found"));
    // Telegram posts the refund into the chat as a service message, which the bot receives as an update.
    ChatMessage notice = state.conversations.append(user.chatId(), messageId -> new ChatMessage(user.chatId(),
        messageId, false, user.id(), state.nowEpochSeconds(), null, null, null, List.of(), null, null, null, refund,
        0, 0, false));
    state.pushMessageUpdate(notice, user);
    return ApiResponse.ok(true);
  }
}
