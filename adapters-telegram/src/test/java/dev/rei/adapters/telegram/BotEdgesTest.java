package dev.rei.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.fakes.InMemoryRateLimiter;
import dev.rei.application.port.in.admin.BanUserCommand;
import dev.rei.application.port.in.order.OrderRefusal;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Forged and stale presses, refusals, bans, limits and odd inputs, end to end against the fake Bot API. */
class BotEdgesTest {

  private static final long ALICE = 2001;
  private static final long MALLORY = 2002;

  private BotHarness harness;
  private FakeBotApi api;

  @BeforeEach
  void start() {
    startWith(new BotHarness(Credits.of(1_000), BotHarness.UNLIMITED));
  }

  private void startWith(BotHarness fresh) {
    harness = fresh;
    api = harness.api;
    harness.start();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private Call quote(long user, String prompt) {
    api.push(api.textMessage(user, "ru", prompt));
    return api.awaitText(user, prompt);
  }

  private int answersSoFar() {
    return api.calls("answercallbackquery").size();
  }

  private Call nextAnswer(int before) {
    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("answercallbackquery").size() > before);
    return api.calls("answercallbackquery").get(before);
  }

  @Test
  void givenSomeoneElsesConfirm_whenPressed_thenOutOfDateAndNoOrder() {
    Call quote = quote(ALICE, "чужой кот");
    api.push(api.textMessage(MALLORY, "ru", "/start"));
    api.awaitText(MALLORY, "Добро пожаловать");
    int before = answersSoFar();

    api.push(api.press(MALLORY, quote, quote.button("Подтвердить").data()));

    assertThat(String.valueOf(nextAnswer(before).fields().get("text"))).isEqualTo("Эта кнопка устарела.");
    assertThat(harness.core.jobs.liveOf(UserId.of(ALICE))).isEmpty();
    assertThat(harness.core.jobs.liveOf(UserId.of(MALLORY))).isEmpty();
  }

  @Test
  void givenForgedCallbackData_whenPressed_thenEachOutOfDate() {
    Call quote = quote(ALICE, "закат");
    for (String forged : new String[] {"b:AAAAAAAAAAAA", "b:" + "x".repeat(100), "price=1;user=2001", "m:admin",
        "b:../../etc", ""}) {
      int before = answersSoFar();
      api.push(api.press(ALICE, quote, forged));
      assertThat(String.valueOf(nextAnswer(before).fields().get("text"))).as(forged).isEqualTo("Эта кнопка устарела.");
    }
    assertThat(harness.core.jobs.liveOf(UserId.of(ALICE))).isEmpty();
  }

  @Test
  void givenDroppedQuote_whenItsConfirmPressedLater_thenOutOfDate() {
    Call quote = quote(ALICE, "рассвет");
    api.push(api.press(ALICE, quote, quote.button("Отмена").data()));
    api.await("editmessagetext", c -> c.text().contains("Кредиты не списаны"));
    int before = answersSoFar();

    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));

    assertThat(String.valueOf(nextAnswer(before).fields().get("text"))).isEqualTo("Эта кнопка устарела.");
    assertThat(harness.core.jobs.liveOf(UserId.of(ALICE))).isEmpty();
  }

  @Test
  void givenExpiredQuote_whenConfirmed_thenToldAndOfferedANewPrice() {
    Call quote = quote(ALICE, "старый запрос");
    // Jump the clock only once nothing is being handled: a jump would also end the lease of an update in flight.
    harness.drain();
    harness.core.clock.advance(Duration.ofMinutes(11));

    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));

    Call refusal = api.await("editmessagetext", c -> c.text().contains("Предложение цены устарело"));
    assertThat(harness.core.jobs.liveOf(UserId.of(ALICE))).isEmpty();
    api.push(api.press(ALICE, refusal, refusal.button("Пересчитать цену").data()));
    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("sendmessage").stream()
        .filter(c -> c.text().contains("старый запрос") && !c.buttons().isEmpty()).count() == 2);
  }

  @Test
  void givenThreeActiveOrders_whenFourthConfirmed_thenRefusedPolitely() {
    for (int i = 1; i <= 3; i++) {
      Call quote = quote(ALICE, "заказ " + i);
      api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    }
    await().atMost(10, TimeUnit.SECONDS).until(() -> harness.core.jobs.liveOf(UserId.of(ALICE)).size() == 3);
    Call fourth = quote(ALICE, "четвёртый");

    api.push(api.press(ALICE, fourth, fourth.button("Подтвердить").data()));

    api.await("editmessagetext", c -> c.messageId() == fourth.messageId() && c.text().contains("максимум заказов"));
    assertThat(harness.core.jobs.liveOf(UserId.of(ALICE))).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(OrderRefusal.class)
  void givenEveryOrderRefusal_whenShown_thenWordedInBothLanguages(OrderRefusal refusal) {
    dev.rei.adapters.telegram.text.Texts texts = dev.rei.adapters.telegram.text.Texts.load();
    for (Language language : Language.values()) {
      assertThat(texts.has(language, "order.refused." + refusal.name())).isTrue();
    }
  }

  @Test
  void givenFailedGeneration_whenReported_thenRefundedAndStatusClosed() {
    harness.core.provider.onSubmit((job, key) -> new GenerationProvider.Outcome.Failed(
        Failure.of(FailureClass.USER_VIOLATION, "photo not allowed")));
    Call quote = quote(ALICE, "что-то запретное");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    Call status = api.awaitText(ALICE, "Заказ принят");

    harness.runJobs();

    Call failed = api.awaitText(ALICE, "нарушает правила");
    assertThat(failed.text()).contains("50 кредитов вернули на баланс");
    api.await("editmessagetext", c -> c.messageId() == status.messageId() && c.text().contains("не получилось"));
    assertThat(harness.core.balance.balance(UserId.of(ALICE)).available()).isEqualTo(Credits.of(1_000));
  }

  @Test
  void givenResult_whenAgainPressed_thenSamePromptQuotedAnew() {
    Call quote = quote(ALICE, "маяк в тумане");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    api.awaitText(ALICE, "Заказ принят");
    harness.runJobs();
    Call photo = api.await("sendphoto", c -> c.chatId() == ALICE);

    api.push(api.press(ALICE, photo, photo.button("Ещё раз").data()));

    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("sendmessage").stream()
        .filter(c -> c.text().contains("маяк в тумане") && !c.buttons().isEmpty()).count() == 2);
  }

  @Test
  void givenBannedUser_whenWritingAgainAndAgain_thenToldOnceOnly() {
    api.push(api.textMessage(ALICE, "ru", "/start"));
    api.awaitText(ALICE, "Добро пожаловать");
    harness.core.ban.ban(new BanUserCommand(InMemoryCore.ADMIN, UserId.of(ALICE), "spam"));
    harness.bot().wakeOutbox();
    api.awaitText(ALICE, "ограничен");

    for (int i = 0; i < 3; i++) {
      api.push(api.textMessage(ALICE, "ru", "пусти " + i));
    }

    harness.drain();
    assertThat(api.calls("sendmessage").stream().filter(c -> c.text().contains("ограничен"))).hasSize(1);
    assertThat(api.calls("sendmessage").stream().filter(c -> c.text().contains("пусти"))).isEmpty();
  }

  @Test
  void givenFloodOfMessages_whenOverTheLimit_thenToldWhenToComeBackOnce() throws Exception {
    harness.close();
    startWith(new BotHarness(Credits.of(1_000), new InMemoryRateLimiter(RateLimitPolicy.DEFAULT)));

    for (int i = 0; i < 13; i++) {
      api.push(api.textMessage(ALICE, "ru", "/help"));
    }

    harness.drain();
    assertThat(api.calls("sendmessage").stream()
        .filter(c -> c.chatId() == ALICE && c.text().contains("Как пользоваться"))).hasSize(10);
    assertThat(api.calls("sendmessage").stream().filter(c -> c.text().contains("Слишком много запросов")))
        .singleElement().satisfies(c -> assertThat(c.text()).containsPattern("через \\d+ минут"));
  }

  @Test
  void givenAlbumWithCaption_whenAllPhotosArrive_thenOneQuoteForTheFirst() {
    api.push(api.photoMessage(ALICE, "ru", "album-1", new byte[] {1}, "убери фон", "group-9"));
    api.push(api.photoMessage(ALICE, "ru", "album-2", new byte[] {2}, null, "group-9"));
    api.push(api.photoMessage(ALICE, "ru", "album-3", new byte[] {3}, null, "group-9"));

    harness.drain();
    assertThat(api.calls("sendmessage").stream().filter(c -> c.text().contains("Редактирование фото"))).hasSize(1);
    assertThat(api.findText(ALICE, "Фото получено")).isEmpty();
    assertThat(api.calls("download")).hasSize(1);
  }

  @Test
  void givenPendingPhoto_whenCancelledThenText_thenPlainGeneration() {
    api.push(api.photoMessage(ALICE, "ru", "lonely", new byte[] {1}, null, null));
    api.awaitText(ALICE, "Фото получено");
    api.push(api.textMessage(ALICE, "ru", "/cancel"));
    api.awaitText(ALICE, "начнём сначала");

    api.push(api.textMessage(ALICE, "ru", "просто сова"));

    assertThat(api.awaitText(ALICE, "просто сова").text()).contains("Генерация изображения");
  }

  @Test
  void givenStickerOrVideo_whenSent_thenExplainsWhatIsUnderstood() {
    Map<String, Object> sticker = new java.util.HashMap<>(api.textMessage(ALICE, "ru", "x"));
    @SuppressWarnings("unchecked")
    Map<String, Object> message = new java.util.HashMap<>((Map<String, Object>) sticker.get("message"));
    message.remove("text");
    message.put("sticker", Map.of("file_id", "s", "file_unique_id", "s", "type", "regular", "width", 1, "height", 1,
        "is_animated", false, "is_video", false));

    api.push(Map.of("message", message));

    api.awaitText(ALICE, "Я понимаю текст и фото");
  }

  @Test
  void givenGroupChat_whenMessaged_thenIgnored() {
    @SuppressWarnings("unchecked")
    Map<String, Object> message = new java.util.HashMap<>((Map<String, Object>) api.textMessage(ALICE, "ru", "/start")
        .get("message"));
    message.put("chat", Map.of("id", -100500, "type", "supergroup", "title", "G"));

    api.push(Map.of("message", message));

    harness.drain();
    assertThat(api.calls("sendmessage")).allMatch(c -> c.chatId() == BotHarness.SENTINEL);
    assertThat(harness.core.users.find(UserId.of(ALICE))).isEmpty();
  }

  @Test
  void givenUpdateGivenUpOn_whenApologising_thenUserToldAndButtonAnswered() throws Exception {
    Update press = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("update_id", 1, "callback_query",
            ((Map<?, ?>) api.press(ALICE, new Call("sendmessage", Map.of("chat_id", String.valueOf(ALICE)), Map.of(), 9,
                true), "m:menu").get("callback_query")))), Update.class);

    harness.bot().updateHandler().giveUp(press);

    api.awaitText(ALICE, "Не удалось обработать ваше сообщение");
    assertThat(api.calls("answercallbackquery")).hasSize(1);
  }
}
