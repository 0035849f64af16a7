package dev.rei.bootstrap.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checkouts of invoices: pre-checkout queries and the bot's answers (within Telegram's 10 seconds), the
 * payments they allow, and refunds of those payments.
 */
final class PaymentDesk {

  /** Telegram: "The Bot API must receive an answer within 10 seconds after the pre-checkout query was sent." */
  static final Duration ANSWER_DEADLINE = Duration.ofSeconds(10);

  /** A pre-checkout query sent to the bot. */
  record Checkout(String queryId, EmulatedUser user, Invoice invoice, Instant sentAt) {
  }

  private record Charge(long userId, SuccessfulPayment payment) {
  }

  private final Map<String, Checkout> checkouts = new HashMap<>();
  private final Map<String, PreCheckoutAnswer> answers = new HashMap<>();
  private final List<PreCheckoutAnswer> answerLog = new ArrayList<>();
  private final Set<String> paidQueries = new HashSet<>();
  private final Map<String, Charge> charges = new HashMap<>();
  private final Set<String> refunded = new HashSet<>();
  private long counter;
  private boolean closed;

  synchronized Checkout openCheckout(EmulatedUser user, Invoice invoice, Instant now) {
    counter++;
    Checkout checkout = new Checkout(String.format(Locale.ROOT, "%d%010d", 9, counter), user, invoice, now);
    checkouts.put(checkout.queryId(), checkout);
    return checkout;
  }

  synchronized PreCheckoutAnswer answer(String queryId, boolean ok, String errorMessage, Instant now) {
    Checkout checkout = checkouts.get(queryId);
    if (checkout == null || answers.containsKey(queryId)
        || Duration.between(checkout.sentAt(), now).compareTo(ANSWER_DEADLINE) > 0) {
      throw ApiRefusal.badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    if (!ok && (errorMessage == null || errorMessage.isBlank())) {
      throw ApiRefusal.badRequest("ERROR_MESSAGE_EMPTY");
    }
    PreCheckoutAnswer answer = new PreCheckoutAnswer(queryId, checkout.user().id(), ok, ok ? null : errorMessage, now);
    answers.put(queryId, answer);
    answerLog.add(answer);
    notifyAll();
    return answer;
  }

  synchronized Optional<PreCheckoutAnswer> awaitAnswer(String queryId, Duration timeout) throws InterruptedException {
    long deadlineNanos = System.nanoTime() + timeout.toNanos();
    while (!answers.containsKey(queryId) && !closed) {
      long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
      if (remainingMillis <= 0) {
        break;
      }
      wait(remainingMillis);
    }
    return Optional.ofNullable(answers.get(queryId));
  }

  /** The checkout a payment may complete: answered ok and not paid yet; anything else is a test's mistake. */
  synchronized Checkout claimForPayment(String queryId) {
    Checkout checkout = checkouts.get(queryId);
    PreCheckoutAnswer answer = answers.get(queryId);
    if (checkout == null) {
      throw new IllegalArgumentException("no pre-checkout query " + queryId);
    }
    if (answer == null || !answer.ok()) {
      throw new IllegalStateException("Telegram completes a payment only after the bot accepted the pre-checkout"
          + " query; query " + queryId + " was " + (answer == null ? "not answered" : "refused"));
    }
    if (!paidQueries.add(queryId)) {
      throw new IllegalStateException("pre-checkout query " + queryId + " was already paid");
    }
    return checkout;
  }

  synchronized SuccessfulPayment charge(Checkout checkout) {
    counter++;
    String chargeId = String.format(Locale.ROOT, "stxEmU%012d", counter);
    SuccessfulPayment payment = new SuccessfulPayment(checkout.invoice().currency(), checkout.invoice().totalAmount(),
        checkout.invoice().payload(), chargeId, "", false);
    charges.put(chargeId, new Charge(checkout.user().id(), payment));
    return payment;
  }

  synchronized SuccessfulPayment refund(long userId, String chargeId) {
    Charge charge = charges.get(chargeId);
    if (charge == null || charge.userId() != userId) {
      throw ApiRefusal.badRequest("CHARGE_NOT_FOUND");
    }
    if (!refunded.add(chargeId)) {
      throw ApiRefusal.badRequest("CHARGE_ALREADY_REFUNDED");
    }
    SuccessfulPayment paid = charge.payment();
    return new SuccessfulPayment(paid.currency(), paid.totalAmount(), paid.invoicePayload(),
        paid.telegramPaymentChargeId(), paid.providerPaymentChargeId(), true);
  }

  synchronized List<PreCheckoutAnswer> answers() {
    return List.copyOf(answerLog);
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
