package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The video flow end to end: menu, model, length, input, quote, a real MP4 back — with the simulated provider. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoEndToEndTest {

  private static final AtomicLong USERS = new AtomicLong(8000);
  private static final Credits BONUS = Credits.of(100);
  private static final Credits PRICE_5S = Credits.of(20);

  private BotWorld world;

  @BeforeAll
  void start() throws Exception {
    world = new BotWorld(Map.of(
        "WELCOME_BONUS", "100",
        "PRICE_VIDEO_5S", "20",
        "SIMULATED_VIDEO_DELAY_MILLIS", "600",
        "WORKER_IDLE_POLL_SECONDS", "1",
        "WORKER_THREADS", "2"))
        .start(Role.BOT, Role.WORKER);
  }

  @AfterAll
  void stop() {
    world.close();
  }

  private EmulatedUser registered() {
    EmulatedUser user = EmulatedUser.of(USERS.incrementAndGet(), "Vera").withLanguage("en");
    ChatMessage welcome = world.register(user);
    assertThat(welcome.buttonTexts()).contains("🎬 Video");
    return user;
  }

  /** 🎬 Video, Kling 2.6, 5 s: the flow then asks for the input. */
  private void chooseFiveSecondsOfKling26(EmulatedUser user) {
    ChatMessage welcome = world.awaitText(user, "Welcome to Rei");
    world.press(user, welcome, "🎬 Video");
    ChatMessage models = world.awaitText(user, "Choose a model");
    assertThat(models.buttonTexts()).contains("Kling 2.6", "🏠 Menu");
    world.press(user, models, "Kling 2.6");
    ChatMessage durations = world.awaitText(user, "Choose the length");
    assertThat(durations.buttonTexts()).contains("5 s — 20 credits", "10 s — 40 credits");
    world.press(user, durations, "5 s — 20 credits");
    world.awaitText(user, "Send:");
  }

  private void assertDeliveredOnceAndChargedOnce(EmulatedUser user) {
    ChatMessage video = world.awaitVideo(user);
    assertThat(video.visibleText()).contains("Your video is ready");
    assertThat(isMp4(world.emulator.fileBytes(video.media().fileId()))).isTrue();
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    assertThat(world.balance(user))
        .isEqualTo(new UserBalance(BONUS.minus(PRICE_5S), Credits.ZERO, BONUS.minus(PRICE_5S)));
    assertThat(world.videosTo(user)).hasSize(1);
    world.assertLedgerClean();
  }

  @Test
  void givenATextPrompt_theUserPressesThroughTheMenu_andGetsARealMp4_chargedOnce() {
    EmulatedUser user = registered();
    chooseFiveSecondsOfKling26(user);

    ChatMessage sent = world.emulator.userSends(user, "A drone flight over mountains at dawn");
    ChatMessage quote = world.emulator.awaitMessageTo(user.id(), m -> m.messageId() > sent.messageId()
        && m.visibleText().contains("Video from text"), BotWorld.WAIT);
    assertThat(quote.visibleText()).contains("Kling 2.6").contains("5 s").contains("A drone flight over mountains")
        .contains("Price: 20 credits").contains("Your balance: 100 credits");
    world.press(user, quote, "✅ Confirm");

    assertDeliveredOnceAndChargedOnce(user);
  }

  @Test
  void givenAPhotoWithACaption_theUserGetsAVideoFromIt_chargedOnce() {
    EmulatedUser user = registered();
    chooseFiveSecondsOfKling26(user);

    ChatMessage sent = world.emulator.userSendsPhoto(user, TestPng.BYTES, "the gradient starts to wave");
    ChatMessage quote = world.emulator.awaitMessageTo(user.id(), m -> m.messageId() > sent.messageId()
        && m.visibleText().contains("Video from a photo"), BotWorld.WAIT);
    assertThat(quote.visibleText()).contains("the gradient starts to wave").contains("Price: 20 credits");
    world.press(user, quote, "✅ Confirm");

    assertDeliveredOnceAndChargedOnce(user);
  }

  @Test
  void givenAVideoTheProviderRefuses_theUserIsToldWhy_andGetsTheCreditsBack() {
    EmulatedUser user = registered();
    chooseFiveSecondsOfKling26(user);

    ChatMessage sent = world.emulator.userSends(user, "something forbidden #fail:user_violation");
    ChatMessage quote = world.emulator.awaitMessageTo(user.id(), m -> m.messageId() > sent.messageId()
        && m.visibleText().contains("Video from text"), BotWorld.WAIT);
    world.press(user, quote, "✅ Confirm");

    ChatMessage refusal = world.awaitText(user, "breaks the video service’s rules");
    assertThat(refusal.visibleText()).contains("20 credits returned");
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    assertThat(world.balance(user)).isEqualTo(new UserBalance(BONUS, Credits.ZERO, BONUS));
    assertThat(world.videosTo(user)).isEmpty();
    world.assertLedgerClean();
  }

  /** An MP4 starts with a box whose type, at bytes 4 to 8, is "ftyp". */
  static boolean isMp4(byte[] bytes) {
    return bytes.length > 1_000
        && "ftyp".equals(new String(Arrays.copyOfRange(bytes, 4, 8), StandardCharsets.US_ASCII));
  }
}
