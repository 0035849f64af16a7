package dev.rei.adapters.telegram.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.application.port.in.order.GetCatalogUseCase;
import dev.rei.domain.job.JobKind;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Reels flow of seed 002 end to end, step by step, with its hints, refusals and the N-video order. */
class ReelsFlowTest {

  static final long BOB = 4001;
  static final byte[] PRODUCT_PHOTO = "jpeg-of-a-pillow".getBytes(StandardCharsets.UTF_8);
  static final byte[] MP4 = "reels-mp4".getBytes(StandardCharsets.UTF_8);

  private BotHarness harness;
  private FakeBotApi api;

  private void start(Credits welcomeBonus) {
    harness = new BotHarness(welcomeBonus, BotHarness.UNLIMITED);
    api = harness.api;
    harness.core.provider.onSubmit((job, key) -> new Outcome.Done(new ResultRef(harness.media.put(MP4, "video/mp4"))));
    harness.start();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private Call upToTemplate() {
    api.push(api.textMessage(BOB, "ru", "/reels"));
    api.awaitText(BOB, "Пришлите фото товара");
    api.push(api.photoMessage(BOB, "ru", "file-pillow", PRODUCT_PHOTO, null, null));
    api.awaitText(BOB, "информацию о товаре");
    api.push(api.textMessage(BOB, "ru", "Ортопедическая подушка для сна, снимает напряжение"));
    return api.awaitText(BOB, "Выберите шаблон");
  }

  /** Photo, description, template, and the answer to wishes (or the own prompt): the count choice. */
  private Call upToCount(String template, String answer) {
    Call templates = upToTemplate();
    api.push(api.press(BOB, templates, templates.button(template).data()));
    api.awaitText(BOB, template.equals("Свой промпт") ? "свой промпт" : "пожелания");
    api.push(api.textMessage(BOB, "ru", answer));
    return api.awaitText(BOB, "Сколько видео");
  }

  private Call confirmation(Call counts, String label) {
    api.push(api.press(BOB, counts, counts.button(label).data()));
    return api.awaitText(BOB, "Готовы запустить");
  }

  @Test
  void givenNoProviderForVideosOrReels_whenStarted_thenTheUserIsToldTheyAreUnavailable() {
    harness = new BotHarness(Credits.of(5), BotHarness.UNLIMITED);
    api = harness.api;
    var prices = harness.core.catalog.catalog();
    harness.withCatalog(() -> new GetCatalogUseCase.Catalog(java.util.Set.of(JobKind.IMAGE_GENERATE, JobKind.IMAGE_EDIT),
        prices.prices(), prices.topUps()));
    harness.start();

    api.push(api.textMessage(BOB, "ru", "/reels"));
    api.awaitText(BOB, "Reels сейчас недоступны");
    api.push(api.textMessage(BOB, "ru", "/video"));
    api.awaitText(BOB, "видео сейчас недоступна");

    assertThat(harness.core.balance.balance(dev.rei.domain.user.UserId.of(BOB)).available()).isEqualTo(Credits.of(5));
  }

  @Test
  void givenUgcTemplateAndCountThree_whenLaunched_thenOneOrderOfThreeJobsEachDeliveredWithButtons() {
    start(Credits.of(5));
    Call counts = upToCount("UGC", "Добавь динамичную музыку");
    assertThat(counts.buttons()).extracting(FakeBotApi.Button::label)
        .containsExactly("1 видео · 1 кредит", "3 видео · 3 кредита", "5 видео · 5 кредитов", "🏠 Меню");

    Call confirm = confirmation(counts, "3 видео");
    assertThat(confirm.text()).contains("Количество видео: 3").contains("Стоимость: 3 кредита")
        .contains("Текущий баланс: 5 кредитов").contains("от 1 до 30 минут");
    assertThat(confirm.buttons()).extracting(FakeBotApi.Button::label).containsExactly("✅ Да, запустить", "❌ Отмена");
    api.push(api.press(BOB, confirm, confirm.button("Да, запустить").data()));

    Call status = api.awaitText(BOB, "Генерация 3 видео запущена");
    assertThat(status.text()).contains("1/3 🕐 в очереди").contains("3/3 🕐 в очереди");
    List<Job> jobs = harness.core.jobs.liveOf(UserId.of(BOB));
    assertThat(jobs).hasSize(3).allSatisfy(job -> {
      assertThat(job.kind()).isEqualTo(JobKind.REELS_VIDEO);
      assertThat(job.orderId()).isEqualTo(jobs.get(0).orderId());
      assertThat(job.parameters().values()).containsEntry("template", "ugc")
          .containsEntry("product", "Ортопедическая подушка для сна, снимает напряжение")
          .containsEntry("wishes", "Добавь динамичную музыку").containsEntry("language", "ru")
          .doesNotContainKey("prompt");
      assertThat(harness.media.get(job.parameters().get("input_media").orElseThrow()).orElseThrow().content())
          .isEqualTo(PRODUCT_PHOTO);
    });
    assertThat(harness.core.balance.balance(UserId.of(BOB)).held()).isEqualTo(Credits.of(3));

    harness.runJobs();

    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("sendvideo").size() == 3);
    assertThat(api.calls("sendvideo")).allSatisfy(video -> {
      assertThat(video.upload("video")).isEqualTo(MP4);
      assertThat(video.buttons()).extracting(FakeBotApi.Button::label).containsExactly("🔁 Ещё раз", "🏠 Меню");
    });
    assertThat(api.calls("sendvideo")).extracting(Call::text)
        .containsExactly("✅ Reels-видео 1/3 — готово!", "✅ Reels-видео 2/3 — готово!", "✅ Reels-видео 3/3 — готово!");
    Call finished = api.await("editmessagetext", c -> c.messageId() == status.messageId() && c.text().contains("🏁"));
    assertThat(finished.text()).contains("готово 3").contains("3/3 ✅ отправлено");
    assertThat(finished.buttons()).isEmpty();
    assertThat(harness.core.balance.balance(UserId.of(BOB)).available()).isEqualTo(Credits.of(2));
    assertThat(harness.core.audit()).isEmpty();
    assertThat(api.violations()).isEmpty();
  }

  @Test
  void givenOwnPromptTemplate_whenPromptSent_thenWishesSkippedAndPromptOnTheJob() {
    start(Credits.of(5));
    Call counts = upToCount("Свой промпт", "A close-up of a pillow floating in the air");

    assertThat(api.findText(BOB, "пожелания")).isEmpty();
    Call confirm = confirmation(counts, "1 видео");
    api.push(api.press(BOB, confirm, confirm.button("Да, запустить").data()));
    api.awaitText(BOB, "Заказ принят");

    Job job = harness.core.jobs.liveOf(UserId.of(BOB)).get(0);
    assertThat(job.parameters().values()).containsEntry("template", "own")
        .containsEntry("prompt", "A close-up of a pillow floating in the air").doesNotContainKey("wishes");
  }

  @Test
  void givenDashForWishes_whenLaunched_thenNoWishesOnTheJob() {
    start(Credits.of(5));
    Call confirm = confirmation(upToCount("Реклама", "-"), "1 видео");
    api.push(api.press(BOB, confirm, confirm.button("Да, запустить").data()));
    api.awaitText(BOB, "Заказ принят");

    Job job = harness.core.jobs.liveOf(UserId.of(BOB)).get(0);
    assertThat(job.parameters().values()).containsEntry("template", "ad").doesNotContainKey("wishes")
        .doesNotContainKey("prompt");
  }

  @Test
  void givenNotEnoughCreditsForFive_whenChosen_thenShortfallWithTopUpButtonAndNoConfirm() {
    start(Credits.of(3));
    Call counts = upToCount("UGC", "нет");

    api.push(api.press(BOB, counts, counts.button("5 видео").data()));

    Call refusal = api.awaitText(BOB, "Недостаточно кредитов для 5 видео");
    assertThat(refusal.text()).contains("Нужно: 5 кредитов").contains("Доступно: 3 кредита");
    assertThat(refusal.buttons()).extracting(FakeBotApi.Button::data).containsExactly("m:topup", "m:menu");
    assertThat(api.findText(BOB, "Готовы запустить")).isEmpty();
    // The same buttons still offer a count the balance covers.
    assertThat(confirmation(counts, "3 видео").text()).contains("Количество видео: 3");
  }

  @Test
  void givenTextWhereThePhotoBelongs_whenSent_thenHintAndTheStepStays() {
    start(Credits.of(5));
    api.push(api.textMessage(BOB, "ru", "/reels"));
    api.awaitText(BOB, "Пришлите фото товара");

    api.push(api.textMessage(BOB, "ru", "подушка"));
    api.awaitText(BOB, "нужно фото товара");
    api.push(api.photoMessage(BOB, "ru", "file-pillow", PRODUCT_PHOTO, null, null));

    api.awaitText(BOB, "информацию о товаре");
    assertThat(api.findText(BOB, "Генерация изображения")).isEmpty();
  }

  @Test
  void givenTooLongDescription_whenSent_thenRefusedAndTheStepStays() {
    start(Credits.of(5));
    api.push(api.textMessage(BOB, "ru", "/reels"));
    api.awaitText(BOB, "Пришлите фото товара");
    api.push(api.photoMessage(BOB, "ru", "file-pillow", PRODUCT_PHOTO, null, null));
    api.awaitText(BOB, "информацию о товаре");

    api.push(api.textMessage(BOB, "ru", "о".repeat(2_001)));
    assertThat(api.awaitText(BOB, "Слишком длинный текст").text()).containsPattern("2.000 символов");
    api.push(api.textMessage(BOB, "ru", "Коротко: подушка"));

    api.awaitText(BOB, "Выберите шаблон");
  }

  @Test
  void givenAlbumAsProductPhoto_whenSent_thenFirstPhotoOnlySaidOnce() {
    start(Credits.of(5));
    api.push(api.textMessage(BOB, "ru", "/reels"));
    api.awaitText(BOB, "Пришлите фото товара");

    api.push(api.photoMessage(BOB, "ru", "file-p1", PRODUCT_PHOTO, null, "album-1"));
    api.push(api.photoMessage(BOB, "ru", "file-p2", new byte[] {2}, null, "album-1"));
    harness.drain();

    assertThat(api.calls("download")).hasSize(1);
    assertThat(api.calls("sendmessage").stream().filter(c -> c.chatId() == BOB
        && c.text().contains("только первый файл"))).hasSize(1);
    assertThat(api.calls("sendmessage").stream().filter(c -> c.chatId() == BOB
        && c.text().contains("информацию о товаре"))).hasSize(1);
  }

  @Test
  void givenCaptionOnTheProductPhoto_whenSent_thenItIsTheDescription() {
    start(Credits.of(5));
    api.push(api.textMessage(BOB, "ru", "/reels"));
    api.awaitText(BOB, "Пришлите фото товара");

    api.push(api.photoMessage(BOB, "ru", "file-pillow", PRODUCT_PHOTO, "Подушка из пены", null));
    Call templates = api.awaitText(BOB, "Выберите шаблон");
    api.push(api.press(BOB, templates, templates.button("Реклама").data()));
    api.awaitText(BOB, "пожелания");
    api.push(api.textMessage(BOB, "ru", "нет"));
    Call confirm = confirmation(api.awaitText(BOB, "Сколько видео"), "1 видео");
    api.push(api.press(BOB, confirm, confirm.button("Да, запустить").data()));
    api.awaitText(BOB, "Заказ принят");

    assertThat(harness.core.jobs.liveOf(UserId.of(BOB)).get(0).parameters().get("product")).contains("Подушка из пены");
  }

  @Test
  void givenExpiredDraft_whenTheNextAnswerComes_thenRestartHint() {
    start(Credits.of(5));
    upToTemplate();
    harness.drain();
    harness.core.clock.advance(Duration.ofHours(25));

    api.push(api.textMessage(BOB, "ru", "что-нибудь"));

    Call hint = api.awaitText(BOB, "Этот шаг устарел");
    assertThat(hint.button("Reels").data()).isEqualTo("m:reels");
  }

  @Test
  void givenTemplateButtonOfAnEarlierRequest_whenPressed_thenOutOfDateAndTheNewRequestUntouched() {
    start(Credits.of(5));
    Call oldTemplates = upToTemplate();
    api.push(api.textMessage(BOB, "ru", "/reels"));
    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("sendmessage").stream()
        .filter(c -> c.chatId() == BOB && c.text().contains("Пришлите фото товара")).count() == 2);
    int before = api.calls("answercallbackquery").size();

    api.push(api.press(BOB, oldTemplates, oldTemplates.button("UGC").data()));

    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("answercallbackquery").size() > before);
    assertThat(String.valueOf(api.calls("answercallbackquery").get(before).fields().get("text")))
        .isEqualTo("Эта кнопка устарела.");
    api.push(api.photoMessage(BOB, "ru", "file-other", new byte[] {9}, null, null));
    api.awaitText(BOB, "информацию о товаре");
  }

  @Test
  void givenReelsConfirm_whenPressedTwentyTimes_thenOneOrderOfThreeJobs() {
    start(Credits.of(5));
    Call confirm = confirmation(upToCount("UGC", "-"), "3 видео");
    int before = api.calls("answercallbackquery").size();

    for (int i = 0; i < 20; i++) {
      api.push(api.press(BOB, confirm, confirm.button("Да, запустить").data()));
    }

    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("answercallbackquery").size() == before + 20);
    assertThat(harness.core.jobs.liveOf(UserId.of(BOB))).hasSize(3)
        .allSatisfy(job -> assertThat(job.state()).isEqualTo(JobState.QUEUED));
    assertThat(harness.core.balance.balance(UserId.of(BOB)).held()).isEqualTo(Credits.of(3));
  }
}
