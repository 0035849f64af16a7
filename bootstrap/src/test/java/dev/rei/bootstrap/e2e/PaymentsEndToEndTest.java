package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.payments.simulated.FakeHeleketServer;
import dev.rei.adapters.payments.simulated.FakeYooKassaServer;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.CheckoutResult;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.sandbox.Keyboard;
import dev.rei.bootstrap.testing.Http;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Top-ups end to end as a user does them: the bot against the Bot API emulator, the real YooKassa
 * and Heleket gateways against the simulated rails (paid on their pay pages over HTTP, notifying
 * the process's webhooks), Telegram Stars through the emulator's checkout; then the credits spent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentsEndToEndTest {

  private static final AtomicLong USERS = new AtomicLong(7000);
  private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private BotWorld world;

  @BeforeAll
  void start() throws Exception {
    world = new BotWorld(Map.of(
        "WELCOME_BONUS", "0",
        "PRICE_IMAGE_1K", "30",
        "SIMULATED_DELAY_MILLIS", "100",
        "WORKER_THREADS", "2",
        "RATE_LIMIT_BUTTONS_PER_MINUTE", "200",
        "RATE_LIMIT_MESSAGES_PER_MINUTE", "200",
        // Three rails and a second Stars press within a minute: above the default two payments a minute.
        "RATE_LIMIT_PAYMENTS_PER_MINUTE", "20"))
        .start(Role.BOT, Role.WORKER);
  }

  @AfterAll
  void stop() {
    world.close();
  }

  @Test
  void givenEachRail_whenTheUserTopsUpAndPays_thenCreditedOnceEach_andTheCreditsBuyAnImage() throws Exception {
    EmulatedUser user = EmulatedUser.of(USERS.incrementAndGet(), "Pia").withLanguage("en");
    world.register(user);
    assertThat(world.balance(user).available()).isEqualTo(Credits.ZERO);

    // YooKassa: the pay link leads to the simulated rail; paying there notifies /webhooks/yookassa/<secret>.
    ChatMessage card = payLink(user, "💳 Bank card / SBP", "100 ₽ →");
    String cardUrl = urlOf(card, "💳 Pay 100 ₽");
    assertThat(cardUrl).startsWith(world.get(FakeYooKassaServer.class).baseUrl() + "pay/");
    payInBrowser(cardUrl);
    awaitNotice(user, "+100 credits", 1);
    assertThat(world.balance(user).available()).isEqualTo(Credits.of(100));
    assertThat(pressAndAwaitAnswer(user, card, "🔄 Check payment")).contains("Payment received");

    // Heleket: the same, with a signed webhook to /webhooks/heleket.
    ChatMessage crypto = payLink(user, "🪙 Crypto", "1 USDT →");
    String cryptoUrl = urlOf(crypto, "💳 Pay 1 USDT");
    assertThat(cryptoUrl).startsWith(world.get(FakeHeleketServer.class).baseUrl() + "pay/");
    payInBrowser(cryptoUrl);
    awaitNotice(user, "+100 credits", 2);
    assertThat(world.balance(user).available()).isEqualTo(Credits.of(200));

    // Telegram Stars: an invoice in the chat, the pre-checkout answered ok, successful_payment settles.
    ChatMessage packages = packages(user, "⭐ Telegram Stars");
    world.emulator.userPressesButton(user, packages.messageId(), button(packages, "50 ⭐ →"));
    ChatMessage invoice = world.emulator.awaitMessageTo(user.id(), m -> m.fromBot() && m.invoice() != null
        && m.messageId() > packages.messageId(), BotWorld.WAIT);
    assertThat(invoice.invoice().currency()).isEqualTo("XTR");
    assertThat(invoice.invoice().totalAmount()).isEqualTo(50);
    CheckoutResult checkout = world.emulator.userPays(user, invoice.messageId(), BotWorld.WAIT);
    assertThat(checkout.answer().ok()).as("pre-checkout answer %s", checkout.answer()).isTrue();
    assertThat(checkout.payment()).isPresent();
    awaitNotice(user, "+75 credits", 1);
    assertThat(world.balance(user)).isEqualTo(new UserBalance(Credits.of(275), Credits.ZERO, Credits.of(275)));
    // Pay pressed again on the paid invoice: refused at pre-checkout, so Telegram takes no stars twice.
    CheckoutResult again = world.emulator.userPays(user, invoice.messageId(), BotWorld.WAIT);
    assertThat(again.answer().ok()).isFalse();
    assertThat(again.answer().errorMessage()).contains("already paid");
    assertThat(again.payment()).isEmpty();

    // A rail repeating its notification credits nothing more.
    Payment cardPayment = payments(user, Rail.YOOKASSA).get(0);
    assertThat(world.get(FakeYooKassaServer.class).notify(cardPayment.providerPaymentId().orElseThrow().value()))
        .isEqualTo(200);
    assertThat(world.balance(user).available()).isEqualTo(Credits.of(275));

    // Every payment settled exactly once.
    for (Rail rail : List.of(Rail.YOOKASSA, Rail.HELEKET, Rail.TELEGRAM_STARS)) {
      assertThat(payments(user, rail)).as(rail.name()).singleElement()
          .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED));
    }
    assertThat(world.emulator.messagesTo(user.id()))
        .filteredOn(m -> m.visibleText().contains("Payment received!")).hasSize(3);

    // Then the credits are spent.
    world.emulator.userPressesButton(user, world.quote(user, "A lighthouse at dusk").messageId(), "✅ Confirm");
    world.awaitPhoto(user);
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    assertThat(world.balance(user)).isEqualTo(new UserBalance(Credits.of(245), Credits.ZERO, Credits.of(245)));
    world.assertLedgerClean();
  }

  @Test
  void givenAPendingPayment_checkPayment_saysPending_thenCanceledOnceTheRailCancelsIt() throws Exception {
    EmulatedUser user = EmulatedUser.of(USERS.incrementAndGet(), "Ola").withLanguage("en");
    world.register(user);

    ChatMessage link = payLink(user, "🪙 Crypto", "2 USDT →");

    assertThat(pressAndAwaitAnswer(user, link, "🔄 Check payment")).contains("has not arrived yet");
    assertThat(payments(user, Rail.HELEKET)).singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.PENDING));
    assertThat(world.balance(user).available()).isEqualTo(Credits.ZERO);
    // The buttons stay for a later check.
    assertThat(world.emulator.message(user.id(), link.messageId()).orElseThrow().buttonTexts())
        .contains("🔄 Check payment");

    followInBrowser(urlOf(link, "💳 Pay 2 USDT"), "cancel");

    world.awaitText(user, "The payment was cancelled; no money was taken.");
    assertThat(pressAndAwaitAnswer(user, link, "🔄 Check payment")).contains("cancelled or expired");
    assertThat(payments(user, Rail.HELEKET)).singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.CANCELED));
    assertThat(world.balance(user).available()).isEqualTo(Credits.ZERO);
  }

  @Test
  void givenRailsUp_healthOfPayments_isUp() {
    HttpResponse<String> health = Http.get(world.httpPort(), "/health/payments");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  /** 👤 Account → 💳 Top up → the rail: the message that lists the rail's packages. */
  private ChatMessage packages(EmulatedUser user, String railButton) {
    ChatMessage sent = world.emulator.userSends(user, "/account");
    ChatMessage account = awaitFrom(user, sent.messageId(), m -> m.visibleText().contains("Available:"));
    world.emulator.userPressesButton(user, account.messageId(), "💳 Top up");
    ChatMessage rails = awaitFrom(user, account.messageId() - 1, m -> m.visibleText().contains("Choose how to pay"));
    world.emulator.userPressesButton(user, rails.messageId(), railButton);
    return awaitFrom(user, rails.messageId() - 1, m -> m.visibleText().contains("Choose a package")
        && m.buttonTexts().stream().anyMatch(label -> label.contains(railCurrencyHint(railButton))));
  }

  /** The package's pay-link message, with its "Pay" and "Check payment" buttons. */
  private ChatMessage payLink(EmulatedUser user, String railButton, String packagePrefix) {
    ChatMessage packages = packages(user, railButton);
    world.emulator.userPressesButton(user, packages.messageId(), button(packages, packagePrefix));
    return awaitFrom(user, packages.messageId(), m -> m.visibleText().contains("Invoice for")
        && m.buttonTexts().contains("🔄 Check payment"));
  }

  private static String railCurrencyHint(String railButton) {
    return railButton.contains("Crypto") ? "USDT" : railButton.contains("Stars") ? "⭐" : "₽";
  }

  private ChatMessage awaitFrom(EmulatedUser user, int afterMessageId, Predicate<ChatMessage> what) {
    return world.emulator.awaitMessageTo(user.id(), m -> m.fromBot() && m.messageId() > afterMessageId
        && what.test(m), BotWorld.WAIT);
  }

  private static String button(ChatMessage message, String prefix) {
    return message.buttonTexts().stream().filter(label -> label.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no button starting with " + prefix + ": " + message.buttonTexts()));
  }

  private static String urlOf(ChatMessage message, String label) {
    return message.buttons().stream().filter(b -> b.text().equals(label)).map(Keyboard.Button::url)
        .filter(url -> url != null).findFirst()
        .orElseThrow(() -> new AssertionError("no URL button " + label + ": " + message.buttons()));
  }

  /** Opens the pay page and follows its "Pay" link, as the payer's browser would. */
  private static void payInBrowser(String payUrl) throws IOException, InterruptedException {
    followInBrowser(payUrl, "succeeded|paid");
  }

  /** Opens the pay page and follows its link to {@code status} (a regular expression). */
  private static void followInBrowser(String payUrl, String status) throws IOException, InterruptedException {
    HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(URI.create(payUrl)).GET()
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher pay = Pattern.compile("href=\"([^\"]*/confirm\\?status=(?:" + status + "))\"").matcher(page.body());
    assertThat(pay.find()).as("a link to %s on %s", status, page.body()).isTrue();
    HttpResponse<String> paid = BROWSER.send(HttpRequest.newBuilder(URI.create(payUrl).resolve(pay.group(1)))
        .GET().timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(paid.statusCode()).isEqualTo(200);
    // The fake says what our webhook answered; anything but 200 means the notification was refused.
    assertThat(paid.body()).contains("answered 200");
  }

  /** Waits for the "Payment received" notice and checks there are {@code count} of them with {@code part}. */
  private void awaitNotice(EmulatedUser user, String part, int count) {
    world.awaitText(user, part);
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.emulator.messagesTo(user.id()).stream()
        .filter(m -> m.visibleText().contains("Payment received!") && m.visibleText().contains(part)).count() >= count);
    assertThat(world.emulator.messagesTo(user.id()))
        .filteredOn(m -> m.visibleText().contains("Payment received!") && m.visibleText().contains(part))
        .hasSize(count);
  }

  private String pressAndAwaitAnswer(EmulatedUser user, ChatMessage message, String label) {
    String queryId = world.emulator.userPressesButton(user, message.messageId(), label);
    return Awaitility.await().atMost(BotWorld.WAIT)
        .until(() -> world.emulator.callbackAnswer(queryId), answer -> answer.isPresent())
        .orElseThrow().text();
  }

  private List<Payment> payments(EmulatedUser user, Rail rail) {
    return world.get(UnitOfWork.class).inTransaction(() -> world.get(PaymentStore.class)
        .latestOf(UserId.of(user.id()), 50)).stream().filter(p -> p.rail() == rail).toList();
  }
}
