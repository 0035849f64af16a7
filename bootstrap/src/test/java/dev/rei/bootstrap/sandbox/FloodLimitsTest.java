package dev.rei.bootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Telegram's flood limits in the emulator, on a clock the test moves. */
class FloodLimitsTest {

  private static final String TOKEN = "123456:TEST-token";

  private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
  private BotApiEmulator emulator;
  private RawBotApi api;

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void start(FloodLimits limits) {
    emulator = BotApiEmulator.started(EmulatorSettings.forToken(TOKEN).withClock(clock).withFloodLimits(limits));
    api = new RawBotApi(emulator);
  }

  private RawBotApi.Answer send(long chatId) {
    ObjectNode params = RawBotApi.params().put("chat_id", chatId).put("text", "hello");
    return api.json("sendMessage", params);
  }

  @Test
  void givenABurstToOneChat_whenOneMoreIsSent_thenTooManyRequestsWithRetryAfter() {
    start(FloodLimits.telegram());
    emulator.userSends(EmulatedUser.of(42), "hi");
    for (int i = 0; i < 3; i++) {
      assertThat(send(42).ok()).isTrue();
    }

    RawBotApi.Answer refused = send(42);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.description()).isEqualTo("Too Many Requests: retry after 1");
    assertThat(refused.body().path("parameters").path("retry_after").asInt()).isEqualTo(1);
    assertThat(emulator.tooManyRequestsAnswered()).singleElement()
        .satisfies(call -> assertThat(call.retryAfterSeconds()).hasValue(1));
    assertThat(emulator.messagesTo(42)).hasSize(3);
  }

  @Test
  void givenTheLimitWasHit_whenRetryAfterHasPassed_thenOneMessagePerSecondGoesThrough() {
    start(FloodLimits.telegram());
    emulator.userSends(EmulatedUser.of(42), "hi");
    for (int i = 0; i < 4; i++) {
      send(42);
    }

    clock.advance(Duration.ofSeconds(1));
    RawBotApi.Answer afterOneSecond = send(42);
    RawBotApi.Answer sameInstant = send(42);
    clock.advance(Duration.ofMillis(400));
    RawBotApi.Answer tooEarly = send(42);

    assertThat(afterOneSecond.ok()).isTrue();
    assertThat(sameInstant.status()).isEqualTo(429);
    assertThat(tooEarly.status()).isEqualTo(429);
    assertThat(tooEarly.body().path("parameters").path("retry_after").asInt()).isEqualTo(1);
  }

  @Test
  void givenALongPause_whenRetryAfterIsComputed_thenItCoversTheWholeWait() {
    start(new FloodLimits(true, 1, 0.2, 30, 30));
    emulator.userSends(EmulatedUser.of(42), "hi");
    send(42);

    RawBotApi.Answer refused = send(42);

    assertThat(refused.body().path("parameters").path("retry_after").asInt()).isEqualTo(5);
  }

  @Test
  void givenThirtyChats_whenAThirtyFirstMessageIsSentInTheSameSecond_thenTheOverallLimitRefusesIt() {
    start(FloodLimits.telegram());
    for (long chat = 1; chat <= 31; chat++) {
      emulator.userSends(EmulatedUser.of(chat), "hi");
    }
    for (long chat = 1; chat <= 30; chat++) {
      assertThat(send(chat).ok()).as("message to chat %d", chat).isTrue();
    }

    RawBotApi.Answer refused = send(31);
    clock.advance(Duration.ofMillis(100));
    RawBotApi.Answer refilled = send(31);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refilled.ok()).as("30/s refills a message every 33 ms").isTrue();
  }

  @Test
  void givenEditsAndAnswers_whenSentQuickly_thenTheyDoNotCount() {
    start(FloodLimits.telegram());
    emulator.userSends(EmulatedUser.of(42), "hi");
    int messageId = send(42).result().path("message_id").asInt();
    for (int i = 0; i < 10; i++) {
      ObjectNode edit = RawBotApi.params().put("chat_id", 42).put("message_id", messageId).put("text", "v" + i);
      assertThat(api.json("editMessageText", edit).ok()).isTrue();
    }

    assertThat(send(42).ok()).isTrue();
  }

  @Test
  void givenLimitsOff_whenSendingHundredsAtOnce_thenAllGoThrough() {
    start(FloodLimits.off());
    emulator.userSends(EmulatedUser.of(42), "hi");

    for (int i = 0; i < 200; i++) {
      assertThat(send(42).ok()).isTrue();
    }
    assertThat(emulator.tooManyRequestsAnswered()).isEmpty();
  }
}
