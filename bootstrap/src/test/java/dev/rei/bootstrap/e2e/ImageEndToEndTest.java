package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.testing.Http;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The image flow end to end: the bot, workers and simulated Gemini against the Bot API emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageEndToEndTest {

  private static final AtomicLong USERS = new AtomicLong(5000);
  private static final Credits BONUS = Credits.of(10);
  private static final Credits PRICE = Credits.of(3);

  private BotWorld world;

  @BeforeAll
  void start() throws Exception {
    world = new BotWorld(Map.of(
        "WELCOME_BONUS", "10",
        "PRICE_IMAGE_1K", "3",
        "PRICE_IMAGE_EDIT_1K", "50",
        "SIMULATED_DELAY_MILLIS", "300",
        "WORKER_THREADS", "2"))
        .start(Role.BOT, Role.WORKER);
  }

  @AfterAll
  void stop() {
    world.close();
  }

  private static EmulatedUser newUser() {
    return EmulatedUser.of(USERS.incrementAndGet(), "Ann").withLanguage("en");
  }

  private EmulatedUser registered() {
    EmulatedUser user = newUser();
    world.register(user);
    return user;
  }

  private void confirm(EmulatedUser user, ChatMessage quote) {
    world.emulator.userPressesButton(user, quote.messageId(), "✅ Confirm");
  }

  @Test
  void givenNewUser_start_showsTheMenuAndCreditsTheBonus() {
    EmulatedUser user = newUser();

    ChatMessage welcome = world.register(user);

    assertThat(welcome.visibleText()).contains("10 credits");
    assertThat(welcome.buttonTexts()).contains("🖼 Image", "👤 Account");
    assertThat(world.balance(user)).isEqualTo(new UserBalance(BONUS, Credits.ZERO, BONUS));
    // A second /start registers nothing more.
    world.emulator.userSends(user, "/start");
    Awaitility.await().atMost(BotWorld.WAIT)
        .until(() -> world.emulator.messagesTo(user.id()).stream().filter(m -> m.visibleText() != null
            && m.visibleText().contains("Welcome to Rei")).count() >= 1);
    assertThat(world.balance(user).available()).isEqualTo(BONUS);
  }

  @Test
  void givenHandledUpdates_metrics_countThem() {
    world.register(newUser());

    Awaitility.await().atMost(BotWorld.WAIT).untilAsserted(() -> assertThat(Http.get(world.httpPort(), "/metrics").body())
        .containsPattern("rei_updates_handled_total(\\{[^}]*})? [1-9]"));
  }

  @Test
  void givenAPrompt_confirm_deliversARealPhoto_andChargesThePriceOnce() throws Exception {
    EmulatedUser user = registered();
    ChatMessage quote = world.quote(user, "A red fox in the snow");
    assertThat(quote.visibleText()).contains("3 credits").contains("10 credits");

    confirm(user, quote);
    ChatMessage photo = world.awaitPhoto(user);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(world.emulator.fileBytes(photo.media().fileId())));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isPositive();
    assertThat(photo.buttonTexts()).contains("🔁 Again");
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    assertThat(world.balance(user)).isEqualTo(new UserBalance(BONUS.minus(PRICE), Credits.ZERO, BONUS.minus(PRICE)));
    world.assertLedgerClean();
  }

  @Test
  void givenAPromptTheProviderRefuses_theUserIsToldWhy_andGetsTheCreditsBack() {
    EmulatedUser user = registered();

    confirm(user, world.quote(user, "something forbidden #fail:user_violation"));

    ChatMessage refusal = world.awaitText(user, "breaks the generation service’s rules");
    assertThat(refusal.visibleText()).contains("3 credits returned");
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.balance(user).available().equals(BONUS));
    assertThat(world.balance(user).held()).isEqualTo(Credits.ZERO);
    world.assertLedgerClean();
  }

  @Test
  void givenATemporaryFailure_theJobIsRetried_andTheResultDelivered() {
    EmulatedUser user = registered();

    confirm(user, world.quote(user, "a lighthouse #fail:temporary:once"));

    world.awaitText(user, "temporary generation error");
    world.awaitPhoto(user);
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    assertThat(world.balance(user).available()).isEqualTo(BONUS.minus(PRICE));
    world.assertLedgerClean();
  }

  @Test
  void givenTheSameConfirmPressedTwentyTimesAtOnce_oneOrderIsPlaced() throws Exception {
    EmulatedUser user = registered();
    ChatMessage quote = world.quote(user, "twenty presses");
    String data = quote.callbackDataOf("✅ Confirm").orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> presses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      presses.add(pool.submit(() -> {
        go.await();
        return world.emulator.userPresses(user, quote.messageId(), data);
      }));
    }
    go.countDown();
    for (Future<String> press : presses) {
      press.get();
    }
    pool.shutdown();

    world.awaitPhoto(user);
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    assertThat(world.balance(user).available()).isEqualTo(BONUS.minus(PRICE));
    assertThat(world.emulator.messagesTo(user.id())).filteredOn(m -> m.media() != null).hasSize(1);
    world.assertLedgerClean();
  }

  @Test
  void givenTooFewCredits_theQuoteSaysSo_andNothingIsHeld() {
    EmulatedUser user = registered();

    ChatMessage sent = world.emulator.userSendsPhoto(user, TestPng.BYTES, "make it blue");
    ChatMessage answer = world.emulator.awaitMessageTo(user.id(), m -> m.messageId() > sent.messageId()
        && m.visibleText() != null && m.visibleText().contains("Not enough credits"), BotWorld.WAIT);

    assertThat(answer.visibleText()).contains("50 credits").contains("10 credits");
    assertThat(answer.buttonTexts()).doesNotContain("✅ Confirm");
    assertThat(world.balance(user)).isEqualTo(new UserBalance(BONUS, Credits.ZERO, BONUS));
  }
}
