package dev.rei.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.application.fakes.InMemoryRateLimiter;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-user limits as the user meets them, with the default policy (seed 004): button presses
 * 20 a minute, repeat violators blocked for longer and told the longer time, at most three running
 * orders however many jobs each has.
 */
class LimitsFlowTest {

  private static final long ALICE = 2201;

  private BotHarness harness;
  private FakeBotApi api;

  private void start(BotHarness fresh) {
    harness = fresh;
    api = harness.api;
    harness.start();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  /** The default limits, on the harness's controllable clock (the bot gives the limiter its {@code now}). */
  private static BotHarness limited() {
    return new BotHarness(Credits.of(1_000), new InMemoryRateLimiter(RateLimitPolicy.DEFAULT));
  }

  private List<Call> limitedNotes(long chatId) {
    return api.calls().stream().filter(c -> c.chatId() == chatId && c.text() != null
        && c.text().contains("Слишком много запросов")).toList();
  }

  @Test
  void givenTwentyPresses_whenTheTwentyFirstComes_thenRefusedWithWhenToComeBack() {
    start(limited());
    api.push(api.textMessage(ALICE, "ru", "/start"));
    Call welcome = api.awaitText(ALICE, "Добро пожаловать");

    for (int i = 0; i < 21; i++) {
      api.push(api.press(ALICE, welcome, "b:forged" + i));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("answercallbackquery").size() == 21);
    assertThat(api.calls("answercallbackquery")).extracting(c -> String.valueOf(c.fields().get("text")))
        .containsOnly("Эта кнопка устарела.", "⏳ Слишком много запросов. Попробуйте снова через 1 минуту.")
        .filteredOn(text -> text.contains("Слишком много")).hasSize(1);
  }

  @Test
  void givenAnAlbumOfPhotos_whenSent_thenItCountsAsOneMessage_soTheLimitIsMetOnlyByTheNextEleventh() {
    start(limited());
    for (int i = 0; i < 8; i++) {
      api.push(api.textMessage(ALICE, "ru", "/help"));
    }
    for (int i = 0; i < 6; i++) {
      api.push(api.photoMessage(ALICE, "ru", "album-photo-" + i, BotHarness.PNG, null, "album-1"));
    }
    api.push(api.textMessage(ALICE, "ru", "/menu"));
    api.awaitText(ALICE, "Главное меню");
    assertThat(limitedNotes(ALICE)).isEmpty();

    // 8 + 1 album + 1 = 10 counted: the next message is the eleventh.
    api.push(api.textMessage(ALICE, "ru", "/help"));
    api.awaitText(ALICE, "через 1 минуту");
    assertThat(limitedNotes(ALICE)).hasSize(1);
  }

  @Test
  void givenABlockServed_whenTheUserFloodsAgain_thenTheNextBlockIsLongerAndSaysSo() {
    start(limited());
    for (int i = 0; i < 11; i++) {
      api.push(api.textMessage(ALICE, "ru", "/help"));
    }
    api.awaitText(ALICE, "через 1 минуту");

    // The block and the window are over; ten more fill the window again, and the eleventh is violation two.
    harness.core.clock.advance(Duration.ofSeconds(61));
    for (int i = 0; i < 11; i++) {
      api.push(api.textMessage(ALICE, "ru", "/help"));
    }

    api.awaitText(ALICE, "через 5 минут");
    harness.drain();
    assertThat(limitedNotes(ALICE)).extracting(Call::text).containsExactly(
        "⏳ Слишком много запросов. Попробуйте снова через 1 минуту.",
        "⏳ Слишком много запросов. Попробуйте снова через 5 минут.");
    assertThat(api.calls("sendmessage").stream().filter(c -> c.chatId() == ALICE
        && c.text().contains("Как пользоваться"))).hasSize(20);
  }

  @Test
  void givenThreeRunningOrders_whenAFourthIsConfirmed_thenRefusedClearly() {
    start(new BotHarness(Credits.of(1_000), BotHarness.UNLIMITED));
    for (int i = 1; i <= 4; i++) {
      String prompt = "кот номер " + i;
      api.push(api.textMessage(ALICE, "ru", prompt));
      Call quote = api.awaitText(ALICE, prompt);
      api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
      if (i < 4) {
        int running = i;
        await().atMost(Duration.ofSeconds(10))
            .until(() -> harness.core.jobs.activeOrders(UserId.of(ALICE)) == running);
      }
    }

    api.awaitText(ALICE, "У вас уже выполняется максимум заказов");
    assertThat(harness.core.jobs.activeOrders(UserId.of(ALICE))).isEqualTo(3);
    assertThat(harness.core.jobs.liveOf(UserId.of(ALICE))).hasSize(3);
  }
}
