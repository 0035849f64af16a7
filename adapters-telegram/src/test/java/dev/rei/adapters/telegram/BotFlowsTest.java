package dev.rei.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot's main flows end to end: real polling against the fake Bot API, the in-memory core behind. */
class BotFlowsTest {

  private static final long ALICE = 1001;

  private BotHarness harness;
  private FakeBotApi api;

  @BeforeEach
  void start() {
    harness = new BotHarness();
    api = harness.api;
    harness.start();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  @Test
  void givenNewUser_whenStart_thenWelcomeWithBonusAndMainMenu() {
    api.push(api.textMessage(ALICE, "ru", "/start"));

    Call welcome = api.awaitText(ALICE, "Добро пожаловать");
    assertThat(welcome.text()).contains("100 кредитов");
    assertThat(welcome.buttons()).extracting(FakeBotApi.Button::label)
        .containsExactly("🖼 Изображение", "🎬 Видео", "🎞 Reels", "👤 Кабинет", "🆘 Поддержка", "🌐 Язык / Language");
    assertThat(harness.core.balance.balance(UserId.of(ALICE)).available()).isEqualTo(Credits.of(100));
  }

  @Test
  void givenEnglishUser_whenStartTwice_thenWelcomeOnceThenMenuInEnglish() {
    api.push(api.textMessage(ALICE, "en-US", "/start"));
    api.awaitText(ALICE, "Welcome to Rei");
    api.push(api.textMessage(ALICE, "en-US", "/start"));

    Call menu = api.awaitText(ALICE, "Main menu");
    assertThat(menu.button("Account").data()).isEqualTo("m:account");
    assertThat(api.calls("sendmessage").stream().filter(c -> c.text().contains("Welcome"))).hasSize(1);
  }

  @Test
  void givenPrompt_whenConfirmed_thenHeldQueuedProgressResultPhotoAndCaptured() {
    api.push(api.textMessage(ALICE, "ru", "/start"));
    api.awaitText(ALICE, "Добро пожаловать");

    api.push(api.textMessage(ALICE, "ru", "кот в космосе"));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    assertThat(quote.text()).contains("кот в космосе").contains("50 кредитов").contains("Ваш баланс: 100 кредитов");
    assertThat(quote.buttons()).extracting(FakeBotApi.Button::label).containsExactly("✅ Подтвердить", "❌ Отмена");
    assertThat(quote.buttons()).allSatisfy(b ->
        assertThat(b.data().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64));

    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    Call status = api.awaitText(ALICE, "Заказ принят");
    assertThat(status.text()).contains("Генерация изображения").contains("Зарезервировано: 50 кредитов");
    assertThat(status.button("Отменить заказ").data()).startsWith("b:");
    api.await("editmessagetext", c -> c.messageId() == quote.messageId() && c.text().contains("Заказ оформлен"));
    UserBalance held = harness.core.balance.balance(UserId.of(ALICE));
    assertThat(held.held()).isEqualTo(Credits.of(50));

    harness.runJobs();

    Call photo = api.await("sendphoto", c -> c.chatId() == ALICE);
    assertThat(photo.upload("photo")).isEqualTo(BotHarness.PNG);
    assertThat(photo.text()).contains("Готово");
    assertThat(photo.buttons()).extracting(FakeBotApi.Button::label).containsExactly("🔁 Ещё раз", "🏠 Меню");
    api.await("editmessagetext", c -> c.messageId() == status.messageId() && c.text().contains("готово"));
    UserBalance after = harness.core.balance.balance(UserId.of(ALICE));
    assertThat(after.available()).isEqualTo(Credits.of(50));
    assertThat(after.held()).isEqualTo(Credits.ZERO);
    assertThat(harness.core.audit()).isEmpty();
    assertThat(api.violations()).isEmpty();
  }

  @Test
  void givenConfirmPressedTwentyTimes_whenHandled_thenOneOrder() {
    api.push(api.textMessage(ALICE, "ru", "/start"));
    api.push(api.textMessage(ALICE, "ru", "закат над морем"));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    String confirm = quote.button("Подтвердить").data();

    for (int i = 0; i < 20; i++) {
      api.push(api.press(ALICE, quote, confirm));
    }

    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("answercallbackquery").size() == 20);
    assertThat(harness.core.jobs.liveOf(UserId.of(ALICE))).hasSize(1);
    assertThat(harness.core.balance.balance(UserId.of(ALICE)).held()).isEqualTo(Credits.of(50));
    assertThat(api.calls("answercallbackquery").stream()
        .filter(c -> String.valueOf(c.fields().get("text")).contains("уже принят"))).hasSize(19);
  }

  @Test
  void givenQueuedOrder_whenCancelPressed_thenCancelledAndCreditsBack() {
    api.push(api.textMessage(ALICE, "ru", "/start"));
    api.push(api.textMessage(ALICE, "ru", "горы"));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    Call status = api.awaitText(ALICE, "Заказ принят");
    var jobId = harness.core.jobs.liveOf(UserId.of(ALICE)).get(0).id();

    api.push(api.press(ALICE, status, status.button("Отменить заказ").data()));

    api.awaitText(ALICE, "Заказ отменён");
    assertThat(harness.core.jobs.liveOf(UserId.of(ALICE))).isEmpty();
    assertThat(harness.core.balance.balance(UserId.of(ALICE)).available()).isEqualTo(Credits.of(100));
    api.await("editmessagetext", c -> c.messageId() == status.messageId() && c.text().contains("отменён"));
    assertThat(harness.core.jobs.find(jobId).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void givenTooFewCredits_whenPrompt_thenShortfallShownWithoutConfirm() throws Exception {
    harness.close();
    harness = new BotHarness(Credits.of(10), BotHarness.UNLIMITED);
    api = harness.api;
    harness.start();

    api.push(api.textMessage(ALICE, "ru", "дом"));

    Call refusal = api.awaitText(ALICE, "Недостаточно кредитов");
    assertThat(refusal.text()).contains("Стоимость: 50 кредитов").contains("Доступно: 10 кредитов")
        .contains("/topup");
    assertThat(refusal.buttons()).extracting(FakeBotApi.Button::label).containsExactly("🏠 Меню");
  }

  @Test
  void givenPhotoWithCaption_whenConfirmed_thenEditJobGetsOurStoredPhoto() {
    byte[] photo = "jpeg-bytes-of-a-cat".getBytes(StandardCharsets.UTF_8);
    api.push(api.photoMessage(ALICE, "ru", "file-cat", photo, "сделай фон синим", null));

    Call quote = api.awaitText(ALICE, "Редактирование фото");
    assertThat(quote.text()).contains("сделай фон синим").contains("30 кредитов");
    assertThat(api.calls("download")).singleElement()
        .satisfies(c -> assertThat(String.valueOf(c.fields().get("path"))).isEqualTo("/photos/file-cat.jpg"));

    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    api.awaitText(ALICE, "Заказ принят");

    var job = harness.core.jobs.liveOf(UserId.of(ALICE)).get(0);
    assertThat(job.parameters().get("prompt")).contains("сделай фон синим");
    assertThat(job.parameters().get("image_size")).contains("1K");
    assertThat(job.parameters().get("language")).contains("ru");
    String key = job.parameters().get("input_media").orElseThrow();
    assertThat(harness.media.get(key).orElseThrow().content()).isEqualTo(photo);
    assertThat(job.parameters().values().values()).noneMatch(v -> v.contains(FakeBotApi.TOKEN) || v.contains("/file/"));
  }

  @Test
  void givenPhotoWithoutCaption_whenBotRestartsBeforeTheText_thenTextStillEditsThatPhoto() {
    api.push(api.photoMessage(ALICE, "ru", "file-dog", new byte[] {1, 2, 3}, null, null));
    api.awaitText(ALICE, "Фото получено");

    harness.restart();
    api.push(api.textMessage(ALICE, "ru", "добавь шляпу"));

    Call quote = api.awaitText(ALICE, "Редактирование фото");
    assertThat(quote.text()).contains("добавь шляпу");
  }

  @Test
  void givenAccount_whenOpened_thenAvailableAndHeldShown() {
    api.push(api.textMessage(ALICE, "ru", "/start"));
    api.push(api.textMessage(ALICE, "ru", "лес"));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    api.awaitText(ALICE, "Заказ принят");

    api.push(api.press(ALICE, quote, "m:account"));

    Call account = api.awaitText(ALICE, "Личный кабинет");
    assertThat(account.text()).contains("Доступно: 50 кредитов").contains("Зарезервировано под заказы: 50 кредитов");
  }

  @Test
  void givenLanguageSwitch_whenEnglishChosen_thenNextTextsInEnglish() {
    api.push(api.textMessage(ALICE, "ru", "/language"));
    Call choose = api.awaitText(ALICE, "Choose your language");

    api.push(api.press(ALICE, choose, choose.button("English").data()));
    api.awaitText(ALICE, "I speak English now");
    api.push(api.textMessage(ALICE, "ru", "a red fox"));

    Call quote = api.awaitText(ALICE, "Image generation");
    assertThat(quote.text()).contains("Price: 50 credits");
  }

  @Test
  void givenVideoReelsSupport_whenPressed_thenTheirFlowsStartAndSupportAsksForTheMessage() {
    api.push(api.textMessage(ALICE, "ru", "/start"));
    Call welcome = api.awaitText(ALICE, "Добро пожаловать");

    api.push(api.press(ALICE, welcome, welcome.button("Видео").data()));
    api.push(api.press(ALICE, welcome, welcome.button("Reels").data()));
    api.push(api.press(ALICE, welcome, welcome.button("Поддержка").data()));

    api.awaitText(ALICE, "Выберите модель");
    api.awaitText(ALICE, "Пришлите фото товара");
    api.awaitText(ALICE, "Напишите сообщение в поддержку");
  }

  @Test
  void givenHelp_whenAsked_thenExplainsCreditsAndCommands() {
    api.push(api.textMessage(ALICE, "ru", "/help"));

    assertThat(api.awaitText(ALICE, "Как пользоваться").text()).contains("/start").contains("возвращаются");
  }

  @Test
  void givenUnknownCommand_whenSent_thenSaysSo() {
    api.push(api.textMessage(ALICE, "ru", "/frobnicate"));

    api.awaitText(ALICE, "Не знаю такой команды");
  }

  @Test
  void givenPreCheckoutQuery_whenPolled_thenRefusedAtOnceWithReason() {
    api.push(api.preCheckout(ALICE, "en"));

    Call answer = api.await("answerprecheckoutquery", c -> true);
    assertThat(answer.fields().get("ok")).isEqualTo(false);
    assertThat(String.valueOf(answer.fields().get("error_message"))).contains("not accepted right now");
    await().atMost(5, TimeUnit.SECONDS).until(() -> harness.core.inbox.pending() == 0);
  }

  @Test
  void givenRunningBot_whenClosed_thenNoThreadOfItKeepsRunning() {
    api.push(api.textMessage(ALICE, "ru", "/start"));
    api.awaitText(ALICE, "Добро пожаловать");

    harness.bot().close();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(Thread::isAlive)
        .extracting(Thread::getName)
        .noneMatch(name -> name.startsWith("rei-")));
  }
}
