package dev.rei.adapters.telegram.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The video flow end to end: model and duration buttons, text/photo/video inputs, the quote, the result. */
class VideoFlowTest {

  static final long ALICE = 3001;
  static final byte[] MP4 = "a-small-mp4-result".getBytes(StandardCharsets.UTF_8);

  private BotHarness harness;
  private FakeBotApi api;

  private void start(BotHarness fresh) {
    harness = fresh;
    api = harness.api;
    harness.core.provider.onSubmit((job, key) -> new Outcome.Done(new ResultRef(harness.media.put(MP4, "video/mp4"))));
    harness.start();
  }

  private void start() {
    start(new BotHarness(Credits.of(1_000), BotHarness.UNLIMITED));
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  /** /video, a model, a duration: the flow then waits for the input. */
  private Call chooseVideo(String model, String seconds) {
    api.push(api.textMessage(ALICE, "ru", "/video"));
    Call models = api.awaitText(ALICE, "Выберите модель");
    api.push(api.press(ALICE, models, models.button(model).data()));
    Call durations = api.await("editmessagetext", c -> c.chatId() == ALICE && c.text().contains("длительность"));
    api.push(api.press(ALICE, durations, durations.button(seconds + " с").data()));
    return api.await("editmessagetext", c -> c.chatId() == ALICE && c.text().contains("Отправьте:"));
  }

  private Job confirmAndGetJob(Call quote) {
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    api.awaitText(ALICE, "Заказ принят");
    return harness.core.jobs.liveOf(UserId.of(ALICE)).get(0);
  }

  @Test
  void givenVideoCommand_whenModelPressed_thenDurationsWithTheirPrices() {
    start();
    api.push(api.textMessage(ALICE, "ru", "/video"));

    Call models = api.awaitText(ALICE, "Выберите модель");
    assertThat(models.buttons()).extracting(FakeBotApi.Button::label)
        .containsExactly("Kling 3.0", "Kling 2.6", "Kling 1.5", "🏠 Меню");
    api.push(api.press(ALICE, models, models.button("Kling 2.6").data()));

    Call durations = api.await("editmessagetext", c -> c.text().contains("длительность"));
    assertThat(durations.messageId()).isEqualTo(models.messageId());
    assertThat(durations.text()).contains("Kling 2.6");
    assertThat(durations.buttons()).extracting(FakeBotApi.Button::label)
        .containsExactly("5 с — 100 кредитов", "10 с — 200 кредитов", "🏠 Меню");
    assertThat(api.violations()).isEmpty();
  }

  @Test
  void givenMenuVideoButton_whenPressed_thenModelChoice() {
    start();
    api.push(api.textMessage(ALICE, "ru", "/start"));
    Call welcome = api.awaitText(ALICE, "Добро пожаловать");

    api.push(api.press(ALICE, welcome, welcome.button("Видео").data()));

    assertThat(api.awaitText(ALICE, "Выберите модель").buttons()).hasSize(4);
  }

  @Test
  void givenTextToVideo_whenConfirmed_thenJobParametersAndVideoDeliveredWithButtons() {
    start();
    chooseVideo("Kling 2.6", "10");

    api.push(api.textMessage(ALICE, "ru", "рассвет над горами, дрон"));
    Call quote = api.awaitText(ALICE, "Видео из текста");
    assertThat(quote.text()).contains("Kling 2.6").contains("10 с").contains("рассвет над горами")
        .contains("Стоимость: 200 кредитов").contains("Ваш баланс:");
    Job job = confirmAndGetJob(quote);

    assertThat(job.kind()).isEqualTo(JobKind.VIDEO_TEXT);
    assertThat(job.price()).isEqualTo(Credits.of(200));
    assertThat(job.parameters().values()).containsEntry("model", "kling-2.6").containsEntry("duration", "10")
        .containsEntry("prompt", "рассвет над горами, дрон").containsEntry("language", "ru")
        .doesNotContainKey("input_media");

    harness.runJobs();
    Call video = api.await("sendvideo", c -> c.chatId() == ALICE);
    assertThat(video.upload("video")).isEqualTo(MP4);
    assertThat(video.text()).contains("Видео готово");
    assertThat(video.buttons()).extracting(FakeBotApi.Button::label).containsExactly("🔁 Ещё раз", "🏠 Меню");
    assertThat(harness.core.balance.balance(UserId.of(ALICE)).available()).isEqualTo(Credits.of(800));
  }

  @Test
  void givenPhotoWithoutCaption_whenConfirmed_thenImageToVideoWithOurStoredPhoto() {
    start();
    chooseVideo("Kling 3.0", "5");
    byte[] photo = "jpeg-of-a-lake".getBytes(StandardCharsets.UTF_8);

    api.push(api.photoMessage(ALICE, "ru", "file-lake", photo, null, null));
    Call quote = api.awaitText(ALICE, "Видео из фото");
    assertThat(quote.text()).contains("Kling 3.0").contains("5 с").contains("100 кредитов").doesNotContain("Запрос:");
    Job job = confirmAndGetJob(quote);

    assertThat(job.kind()).isEqualTo(JobKind.VIDEO_IMAGE);
    assertThat(job.parameters().values()).containsEntry("model", "kling-3.0").containsEntry("duration", "5")
        .doesNotContainKey("prompt");
    String key = job.parameters().get("input_media").orElseThrow();
    assertThat(harness.media.get(key).orElseThrow().content()).isEqualTo(photo);
    assertThat(job.parameters().values().values()).noneMatch(v -> v.contains(FakeBotApi.TOKEN) || v.contains("/file/"));
  }

  @Test
  void givenPhotoWithCaption_whenQuoted_thenCaptionIsThePrompt() {
    start();
    chooseVideo("Kling 3.0", "5");

    api.push(api.photoMessage(ALICE, "ru", "file-cat", new byte[] {1, 2}, "кот машет лапой", null));

    Job job = confirmAndGetJob(api.awaitText(ALICE, "Видео из фото"));
    assertThat(job.parameters().get("prompt")).contains("кот машет лапой");
  }

  @Test
  void givenVideoInput_whenConfirmed_thenVideoToVideoWithOurStoredVideo() {
    start();
    chooseVideo("Kling 1.5", "5");
    byte[] clip = "mp4-of-a-dance".getBytes(StandardCharsets.UTF_8);

    api.push(api.videoMessage(ALICE, "ru", "file-dance", clip, null, "в стиле аниме"));
    Job job = confirmAndGetJob(api.awaitText(ALICE, "Видео из видео"));

    assertThat(job.kind()).isEqualTo(JobKind.VIDEO_VIDEO);
    assertThat(job.parameters().get("prompt")).contains("в стиле аниме");
    var stored = harness.media.get(job.parameters().get("input_media").orElseThrow()).orElseThrow();
    assertThat(stored.content()).isEqualTo(clip);
    assertThat(stored.contentType()).isEqualTo("video/mp4");
  }

  @Test
  void givenVideoAboveTwentyMegabytes_whenSent_thenRefusedWithoutDownloadAndStepStays() {
    start();
    chooseVideo("Kling 3.0", "5");

    api.push(api.videoMessage(ALICE, "ru", "file-huge", new byte[] {1}, 25L * 1024 * 1024, null));
    api.awaitText(ALICE, "Видео слишком большое");
    api.push(api.textMessage(ALICE, "ru", "тогда просто закат"));

    assertThat(api.awaitText(ALICE, "Видео из текста").text()).contains("тогда просто закат");
    assertThat(api.calls("getfile")).isEmpty();
  }

  @Test
  void givenAlbum_whenSentAsInput_thenFirstPhotoOnlySaidOnce() {
    start();
    chooseVideo("Kling 3.0", "5");

    api.push(api.photoMessage(ALICE, "ru", "file-a1", new byte[] {1}, "первое", "album-7"));
    api.push(api.photoMessage(ALICE, "ru", "file-a2", new byte[] {2}, null, "album-7"));
    api.push(api.photoMessage(ALICE, "ru", "file-a3", new byte[] {3}, null, "album-7"));
    harness.drain();

    assertThat(api.calls("sendmessage").stream().filter(c -> c.chatId() == ALICE
        && c.text().contains("Видео из фото"))).hasSize(1);
    assertThat(api.calls("sendmessage").stream().filter(c -> c.chatId() == ALICE
        && c.text().contains("только первый файл"))).hasSize(1);
    assertThat(api.calls("download")).hasSize(1);
  }

  @Test
  void givenVideoWithoutTheFlow_whenSent_thenHowToWithVideoButton() {
    start();

    api.push(api.videoMessage(ALICE, "ru", "file-x", new byte[] {1}, null, null));

    Call hint = api.awaitText(ALICE, "Чтобы сделать видео");
    assertThat(hint.button("Видео").data()).isEqualTo("m:video");
  }

  @Test
  void givenDraftExpired_whenInputSent_thenRestartHint() {
    start();
    chooseVideo("Kling 3.0", "5");
    harness.drain();
    harness.core.clock.advance(Duration.ofHours(25));

    api.push(api.textMessage(ALICE, "ru", "поздний запрос"));

    Call hint = api.awaitText(ALICE, "Этот шаг устарел");
    assertThat(hint.button("Видео").data()).isEqualTo("m:video");
    assertThat(api.findText(ALICE, "Видео из текста")).isEmpty();
  }

  @Test
  void givenForgedDurationButtonOfAnotherUser_whenPressed_thenOutOfDate() {
    start();
    api.push(api.textMessage(ALICE, "ru", "/video"));
    Call models = api.awaitText(ALICE, "Выберите модель");
    int before = api.calls("answercallbackquery").size();

    api.push(api.press(4242, models, models.button("Kling 3.0").data()));

    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("answercallbackquery").size() > before);
    assertThat(String.valueOf(api.calls("answercallbackquery").get(before).fields().get("text")))
        .isEqualTo("Эта кнопка устарела.");
    assertThat(api.calls("editmessagetext")).isEmpty();
  }

  @Test
  void givenResultAboveUploadLimit_whenDelivered_thenDownloadLinkWithButtons() {
    start(new BotHarness(Credits.of(1_000), BotHarness.UNLIMITED,
        (key, type) -> Optional.of("https://media.example.org/" + key), 8));
    chooseVideo("Kling 3.0", "5");
    api.push(api.textMessage(ALICE, "ru", "океан"));
    confirmAndGetJob(api.awaitText(ALICE, "Видео из текста"));

    harness.runJobs();

    Call link = api.awaitText(ALICE, "https://media.example.org/");
    assertThat(link.text()).contains("скачайте его по ссылке");
    assertThat(link.buttons()).extracting(FakeBotApi.Button::label).containsExactly("🔁 Ещё раз", "🏠 Меню");
    assertThat(api.calls("sendvideo")).isEmpty();
  }

  @Test
  void givenVideoQuote_whenConfirmPressedTwentyTimes_thenOneOrder() {
    start();
    chooseVideo("Kling 3.0", "5");
    api.push(api.textMessage(ALICE, "ru", "лес"));
    Call quote = api.awaitText(ALICE, "Видео из текста");
    String confirm = quote.button("Подтвердить").data();

    for (int i = 0; i < 20; i++) {
      api.push(api.press(ALICE, quote, confirm));
    }

    // Two answers for the model and duration presses, then one per confirm press.
    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("answercallbackquery").size() >= 22);
    harness.drain();
    List<Job> live = harness.core.jobs.liveOf(UserId.of(ALICE));
    assertThat(live).hasSize(1);
    assertThat(harness.core.balance.balance(UserId.of(ALICE)).held()).isEqualTo(Credits.of(100));
  }
}
