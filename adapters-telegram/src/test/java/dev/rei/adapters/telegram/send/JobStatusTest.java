package dev.rei.adapters.telegram.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.QuoteResult;
import dev.rei.domain.pricing.VideoDuration;
import dev.rei.domain.pricing.VideoSource;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status message of video and Reels orders as their jobs' notices arrive: one line per job for
 * an order of several, a cancel button per job while it may be cancelled, and the user's message
 * for each failure class (seed 002). Orders are placed through the core directly.
 */
class JobStatusTest {

  static final long CAROL = 5001;
  static final UserId USER = UserId.of(CAROL);
  static final byte[] MP4 = "status-mp4".getBytes(StandardCharsets.UTF_8);
  static final Map<String, String> REELS = Map.of("input_media", "m-1", "product", "подушка", "template", "ugc",
      "language", "ru");

  private BotHarness harness;
  private FakeBotApi api;

  @BeforeEach
  void start() {
    harness = new BotHarness(Credits.of(1_000), BotHarness.UNLIMITED);
    api = harness.api;
    harness.start();
    harness.core.register.register(new RegisterUserCommand(USER, Language.RU));
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private List<Job> place(PricedItem item, int count, Map<String, String> parameters) {
    var offer = harness.core.quotes.quote(new QuoteCommand(USER, item, count));
    var quote = ((QuoteResult.Quoted) offer.result()).quote();
    var placed = (PlaceOrderResult.Placed) harness.core.placeOrder.placeOrder(
        new PlaceOrderCommand(USER, quote, JobParameters.of(parameters), IdempotencyKey.of("test", item.jobKind().name(), count)));
    harness.bot().wakeOutbox();
    return harness.core.jobs.ofOrder(placed.order().id());
  }

  private Outcome video() {
    return new Outcome.Done(new ResultRef(harness.media.put(MP4, "video/mp4")));
  }

  private void later(Duration duration) {
    harness.drain();
    harness.core.clock.advance(duration);
    harness.runJobs();
  }

  @Test
  void givenReelsOfThree_whenOneSentOneViolatesOneRuns_thenOneStatusMessageWithALinePerJob() {
    List<Job> jobs = place(new PricedItem.ReelsVideo(), 3, REELS);
    Call status = api.awaitText(CAROL, "Генерация 3 видео запущена");
    assertThat(status.buttons()).extracting(FakeBotApi.Button::label)
        .containsExactly("❌ Отменить 1/3", "❌ Отменить 2/3", "❌ Отменить 3/3");
    harness.core.provider.onSubmit((job, key) -> {
      if (job.id().equals(jobs.get(0).id())) {
        return video();
      }
      if (job.id().equals(jobs.get(1).id())) {
        return new Outcome.Failed(Failure.of(FailureClass.USER_VIOLATION, "inappropriate content"));
      }
      return new Outcome.Pending("task-3", Progress.of(40), Duration.ofMinutes(10));
    });

    harness.runJobs();

    Call edited = api.await("editmessagetext", c -> c.messageId() == status.messageId()
        && c.text().contains("1/3 ✅ отправлено") && c.text().contains("2/3 ❌ не получилось, кредиты вернули")
        && c.text().contains("3/3 ⏳ 40%"));
    assertThat(edited.buttons()).extracting(FakeBotApi.Button::label).containsExactly("❌ Отменить 3/3");
    assertThat(api.calls("sendvideo")).singleElement().satisfies(v -> assertThat(v.text()).contains("1/3"));
    Call violation = api.awaitText(CAROL, "правила Sora 2");
    assertThat(violation.text()).contains("фото товара").contains("без людей").contains("1 кредит вернули");
    assertThat(harness.core.balance.balance(USER).held()).isEqualTo(Credits.of(1));
    assertThat(api.calls("sendmessage").stream().filter(c -> c.chatId() == CAROL && c.text().contains("Генерация 3"))
        .count()).isEqualTo(1);

    harness.core.provider.onPoll(task -> video());
    later(Duration.ofMinutes(11));

    Call finished = api.await("editmessagetext", c -> c.messageId() == status.messageId() && c.text().contains("🏁"));
    assertThat(finished.text()).contains("готово 2").contains("за 1 вернули кредиты").contains("3/3 ✅ отправлено");
    assertThat(finished.buttons()).isEmpty();
    assertThat(harness.core.balance.balance(USER).available()).isEqualTo(Credits.of(998));
    assertThat(harness.core.audit()).isEmpty();
  }

  @Test
  void givenProgressThatChangesNoLine_whenNotified_thenNoEdit() {
    place(new PricedItem.ReelsVideo(), 2, REELS);
    Call status = api.awaitText(CAROL, "Генерация 2 видео запущена");
    AtomicInteger percent = new AtomicInteger(41);
    harness.core.provider.onSubmit((job, key) -> new Outcome.Pending("t-" + job.id(), Progress.of(41),
        Duration.ofMinutes(1)));
    harness.core.provider.onPoll(task -> new Outcome.Pending(task.taskId(), Progress.of(percent.incrementAndGet()),
        Duration.ofMinutes(1)));
    harness.runJobs();
    api.await("editmessagetext", c -> c.messageId() == status.messageId() && c.text().contains("2/2 ⏳ 40%"));
    int edits = api.calls("editmessagetext").size();

    later(Duration.ofMinutes(2));
    harness.drain();

    // 42 and 43 % show as "40%" like 41 % did: nothing to edit.
    assertThat(api.calls("editmessagetext")).hasSize(edits);
  }

  @Test
  void givenReelsOfThree_whenOneJobCancelled_thenOnlyThatOneAndItsButtonGoes() {
    List<Job> jobs = place(new PricedItem.ReelsVideo(), 3, REELS);
    Call status = api.awaitText(CAROL, "Генерация 3 видео запущена");
    String cancelFirst = status.button("Отменить 1/3").data();

    api.push(api.press(CAROL, status, status.button("Отменить 2/3").data()));

    api.awaitText(CAROL, "Заказ отменён.");
    Call edited = api.await("editmessagetext", c -> c.messageId() == status.messageId()
        && c.text().contains("2/3 🚫 отменено"));
    assertThat(edited.buttons()).extracting(FakeBotApi.Button::label)
        .containsExactly("❌ Отменить 1/3", "❌ Отменить 3/3");
    assertThat(harness.core.jobs.find(jobs.get(1).id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(harness.core.jobs.find(jobs.get(0).id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);

    harness.core.provider.onSubmit((job, key) -> video());
    harness.runJobs();
    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("sendvideo").size() == 2);
    int before = api.calls("answercallbackquery").size();
    api.push(api.press(CAROL, status, cancelFirst));

    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("answercallbackquery").size() > before);
    assertThat(String.valueOf(api.calls("answercallbackquery").get(before).fields().get("text")))
        .contains("Отменить уже нельзя");
    assertThat(harness.core.balance.balance(USER).available()).isEqualTo(Credits.of(998));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "USER_VIOLATION|Проверьте текст запроса: без брендов",
      "BILLING|Временные технические неполадки",
      "UNKNOWN|Не получилось сгенерировать"})
  void givenVideoJobFailingForGood_whenNotified_thenTheClassMessageAndCreditsBack(FailureClass failure, String words) {
    place(new PricedItem.Video("kling-3.0", VideoDuration.FIVE_SECONDS, VideoSource.TEXT), 1,
        Map.of("model", "kling-3.0", "duration", "5", "prompt", "закат", "language", "ru"));
    Call status = api.awaitText(CAROL, "Заказ принят");
    harness.core.provider.onSubmit((job, key) -> new Outcome.Failed(Failure.of(failure, "provider said no")));

    harness.runJobs();

    Call message = api.awaitText(CAROL, words);
    assertThat(message.text()).contains("100 кредитов вернули на баланс");
    if (failure == FailureClass.BILLING) {
      assertThat(message.text()).contains("@rei_support");
    }
    api.await("editmessagetext", c -> c.messageId() == status.messageId() && c.text().contains("кредиты вернули"));
    assertThat(harness.core.balance.balance(USER).available()).isEqualTo(Credits.of(1_000));
  }

  @Test
  void givenTemporaryFailureOnce_whenRetried_thenOneRetryNoticeThenTheVideo() {
    place(new PricedItem.Video("kling-3.0", VideoDuration.FIVE_SECONDS, VideoSource.TEXT), 1,
        Map.of("model", "kling-3.0", "duration", "5", "prompt", "закат", "language", "ru"));
    Call status = api.awaitText(CAROL, "Заказ принят");
    AtomicInteger attempts = new AtomicInteger();
    harness.core.provider.onSubmit((job, key) -> attempts.incrementAndGet() == 1
        ? new Outcome.Failed(Failure.of(FailureClass.TEMPORARY, "HTTP 503")) : video());

    harness.runJobs();
    api.awaitText(CAROL, "попробуем ещё раз автоматически");
    api.await("editmessagetext", c -> c.messageId() == status.messageId() && c.text().contains("пробуем ещё раз"));
    later(Duration.ofMinutes(1));

    api.await("sendvideo", c -> c.chatId() == CAROL);
    api.await("editmessagetext", c -> c.messageId() == status.messageId() && c.text().contains("готово"));
    assertThat(api.calls("sendmessage").stream().filter(c -> c.chatId() == CAROL
        && c.text().contains("попробуем ещё раз"))).hasSize(1);
    assertThat(harness.core.balance.balance(USER).available()).isEqualTo(Credits.of(900));
  }

  @Test
  void givenRateLimitEveryTime_whenRetriesRunOut_thenSilentUntilTheFinalMessage() {
    place(new PricedItem.Video("kling-3.0", VideoDuration.FIVE_SECONDS, VideoSource.TEXT), 1,
        Map.of("model", "kling-3.0", "duration", "5", "prompt", "закат", "language", "ru"));
    api.awaitText(CAROL, "Заказ принят");
    harness.core.provider.onSubmit((job, key) -> new Outcome.Failed(Failure.of(FailureClass.RATE_LIMIT, "429")));

    harness.runJobs();
    later(Duration.ofMinutes(5));
    later(Duration.ofMinutes(5));

    Call last = api.awaitText(CAROL, "перегружен");
    assertThat(last.text()).contains("100 кредитов вернули");
    assertThat(api.findText(CAROL, "попробуем ещё раз")).isEmpty();
    assertThat(harness.core.balance.balance(USER).available()).isEqualTo(Credits.of(1_000));
  }
}
