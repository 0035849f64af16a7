package dev.rei.adapters.telegram.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.telegram.api.ChatPacer;
import dev.rei.adapters.telegram.api.Pacing;
import dev.rei.adapters.telegram.api.TelegramCalls;
import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.api.TelegramEndpoint;
import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.adapters.telegram.state.BanNotices;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.adapters.telegram.text.UserLanguages;
import dev.rei.application.fakes.InMemoryChatStateStore;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.fakes.InMemoryMediaStore;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.MessageSender.SendOutcome;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramMessageSenderTest {

  private static final long RU_USER = 501;
  private static final long EN_USER = 502;
  private static final String ORDER = "00000000-0000-0000-0000-0000000000aa";

  private final FakeBotApi api = new FakeBotApi();
  private final InMemoryCore core = new InMemoryCore();
  private final InMemoryChatStateStore chatState = new InMemoryChatStateStore();
  private final InMemoryMediaStore media = new InMemoryMediaStore();
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private TelegramConnection connection;
  private ResultLinks links = ResultLinks.NONE;
  private long uploadLimit = TelegramMessageSender.DEFAULT_UPLOAD_LIMIT_BYTES;

  @BeforeEach
  void users() {
    core.register.register(new RegisterUserCommand(UserId.of(RU_USER), Language.RU));
    core.register.register(new RegisterUserCommand(UserId.of(EN_USER), Language.EN));
    useConnection(BotHarness.FAST);
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    api.close();
  }

  private void useConnection(Pacing pacing) {
    if (connection != null) {
      connection.close();
    }
    connection = new TelegramConnection(FakeBotApi.TOKEN, TelegramEndpoint.parse(api.url()),
        new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build(), new ChatPacer(pacing, nanos::get));
  }

  private TelegramMessageSender sender() {
    return new TelegramMessageSender(new TelegramCalls(connection), Texts.load(),
        new UserLanguages(core.db, core.users), chatState, media, core.clock, links, "@rei_support", uploadLimit);
  }

  private SendOutcome send(long chatId, Notice.Type type, Map<String, String> values) {
    return sender().send(OutboxMessage.create(UUID.randomUUID(), chatId, Notice.of(type, values), core.clock.now()));
  }

  private Call lastCall() {
    List<Call> calls = api.calls();
    return calls.get(calls.size() - 1);
  }

  static Stream<Arguments> notices() {
    return Stream.of(
        Arguments.of(Notice.Type.WELCOME, Map.of("bonus", "100"), "100 кредитов", "100 credits"),
        Arguments.of(Notice.Type.ORDER_PLACED, Map.of("orderId", ORDER, "count", "1", "total", "50",
            "kind", "IMAGE_GENERATE"), "Заказ принят: Генерация изображения", "Order placed: Image generation"),
        Arguments.of(Notice.Type.JOB_RETRYING, job(Map.of()), "попробуем ещё раз автоматически",
            "try again automatically"),
        Arguments.of(Notice.Type.JOB_FAILED, job(Map.of("failureClass", "USER_VIOLATION")), "нарушает правила",
            "breaks the generation service’s rules"),
        Arguments.of(Notice.Type.JOB_CANCELLED, job(Map.of("price", "21")), "21 кредит вернули",
            "21 credits returned"),
        Arguments.of(Notice.Type.JOB_EXPIRED, job(Map.of("price", "2")), "2 кредита вернули", "2 credits returned"),
        Arguments.of(Notice.Type.PAYMENT_SUCCEEDED, Map.of("paymentId", "p1", "credits", "110"),
            "зачислено 110 кредитов", "110 credits added"),
        Arguments.of(Notice.Type.PAYMENT_CANCELED, Map.of("paymentId", "p1"), "Платёж отменён",
            "payment was cancelled"),
        Arguments.of(Notice.Type.PAYMENT_REFUNDED, Map.of("paymentId", "p1", "amount", "100.00 RUB", "credits", "100"),
            "Платёж возвращён: 100.00 RUB. С баланса списано 100 кредитов", "Payment refunded: 100.00 RUB. 100 credits"),
        Arguments.of(Notice.Type.BALANCE_ADJUSTED, Map.of("delta", "-5", "reason", "duplicate bonus"),
            "списал с вашего баланса 5 кредитов", "took 5 credits"),
        Arguments.of(Notice.Type.BALANCE_ADJUSTED, Map.of("delta", "1", "reason", "gift"), "начислил вам 1 кредит",
            "added 1 credit"),
        Arguments.of(Notice.Type.BANNED, Map.of(), "ограничен администратором", "restricted your access"),
        Arguments.of(Notice.Type.UNBANNED, Map.of(), "восстановлен", "restored"),
        Arguments.of(Notice.Type.ADMIN_ALERT, Map.of("alert", "provider_billing", "key", "sim#0"),
            "Оповещение: provider_billing\nkey: sim#0", "Alert: provider_billing\nkey: sim#0"));
  }

  private static Map<String, String> job(Map<String, String> more) {
    Map<String, String> values = new HashMap<>(Map.of("jobId", "00000000-0000-0000-0000-0000000000bb",
        "orderId", ORDER, "kind", "IMAGE_GENERATE", "price", "50"));
    values.putAll(more);
    return values;
  }

  @ParameterizedTest
  @MethodSource("notices")
  void givenNotice_whenSentToRussianAndEnglishReaders_thenEachReadsItInTheirLanguage(Notice.Type type,
      Map<String, String> values, String russian, String english) {
    assertThat(send(RU_USER, type, values)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(lastCall().chatId()).isEqualTo(RU_USER);
    assertThat(lastCall().text()).contains(russian);

    assertThat(send(EN_USER, type, values)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(lastCall().chatId()).isEqualTo(EN_USER);
    assertThat(lastCall().text()).contains(english);
    assertThat(api.violations()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(dev.rei.domain.job.FailureClass.class)
  void givenEachFailureClass_whenFailed_thenSaysWhatHappenedAndThatCreditsCameBack(
      dev.rei.domain.job.FailureClass failure) {
    send(RU_USER, Notice.Type.JOB_FAILED, job(Map.of("failureClass", failure.name(), "price", "30")));

    String text = lastCall().text();
    assertThat(text).contains("30 кредитов вернули на баланс");
    switch (failure) {
      case USER_VIOLATION -> assertThat(text).contains("нарушает правила").contains("фото");
      case BILLING -> assertThat(text).contains("технические неполадки").contains("@rei_support");
      case RATE_LIMIT -> assertThat(text).contains("перегружен");
      case TEMPORARY -> assertThat(text).contains("после повторных попыток");
      case UNKNOWN -> assertThat(text).contains("Не получилось сгенерировать");
    }
    boolean againOffered = lastCall().buttons().stream().anyMatch(b -> b.label().contains("Ещё раз"));
    assertThat(againOffered).isFalse();
  }

  @Test
  void givenWelcome_whenSent_thenCarriesTheMainMenu() {
    send(RU_USER, Notice.Type.WELCOME, Map.of("bonus", "0"));

    assertThat(lastCall().text()).doesNotContain("бонус");
    assertThat(lastCall().buttons()).hasSize(6);
  }

  @Test
  void givenOrderPlaced_whenProgressArrives_thenStatusMessageEditedForwardOnly() {
    send(RU_USER, Notice.Type.ORDER_PLACED, Map.of("orderId", ORDER, "count", "1", "total", "50", "kind",
        "IMAGE_EDIT"));
    Call status = lastCall();
    String cancel = status.button("Отменить заказ").data();

    assertThat(send(RU_USER, Notice.Type.JOB_PROGRESS, job(Map.of("percent", "40")))).isInstanceOf(SendOutcome.Sent.class);
    Call edit = lastCall();
    assertThat(edit.method()).isEqualTo("editmessagetext");
    assertThat(edit.messageId()).isEqualTo(status.messageId());
    assertThat(edit.text()).contains("Редактирование фото: генерация").contains("▓▓▓▓░░░░░░ 40%");
    assertThat(edit.button("Отменить заказ").data()).isEqualTo(cancel);

    int calls = api.calls().size();
    send(RU_USER, Notice.Type.JOB_PROGRESS, job(Map.of("percent", "30")));
    send(RU_USER, Notice.Type.JOB_PROGRESS, job(Map.of("percent", "40")));
    assertThat(api.calls()).hasSize(calls);

    send(RU_USER, Notice.Type.JOB_CANCELLED, job(Map.of()));
    Call finished = lastCall();
    assertThat(finished.method()).isEqualTo("editmessagetext");
    assertThat(finished.text()).contains("отменён");
    assertThat(finished.buttons()).isEmpty();
    calls = api.calls().size();
    send(RU_USER, Notice.Type.JOB_PROGRESS, job(Map.of("percent", "90")));
    assertThat(api.calls()).hasSize(calls);
  }

  @Test
  void givenStatusMessageGone_whenProgressArrives_thenSentWithoutFussAndNoMoreEdits() {
    send(RU_USER, Notice.Type.ORDER_PLACED, Map.of("orderId", ORDER, "count", "1", "total", "50"));
    api.failNext("editMessageText", 400, "Bad Request: message to edit not found", null);

    assertThat(send(RU_USER, Notice.Type.JOB_PROGRESS, job(Map.of("percent", "10")))).isInstanceOf(SendOutcome.Sent.class);
    int calls = api.calls().size();
    assertThat(send(RU_USER, Notice.Type.JOB_PROGRESS, job(Map.of("percent", "50")))).isInstanceOf(SendOutcome.Sent.class);
    assertThat(api.calls()).hasSize(calls);
  }

  @Test
  void givenProgressWithoutStatusMessage_whenSent_thenNothingToEdit() {
    assertThat(send(RU_USER, Notice.Type.JOB_PROGRESS, job(Map.of("percent", "10")))).isInstanceOf(SendOutcome.Sent.class);
    assertThat(api.calls()).isEmpty();
  }

  @Test
  void givenImageResult_whenSent_thenPhotoUploadedWithMenuButton() {
    String key = media.put(BotHarness.PNG, "image/png");

    assertThat(send(EN_USER, Notice.Type.JOB_RESULT, job(Map.of("result", key)))).isInstanceOf(SendOutcome.Sent.class);

    Call photo = lastCall();
    assertThat(photo.method()).isEqualTo("sendphoto");
    assertThat(photo.upload("photo")).isEqualTo(BotHarness.PNG);
    assertThat(photo.text()).isEqualTo("✅ Done!");
    assertThat(photo.buttons()).extracting(FakeBotApi.Button::label).containsExactly("🏠 Menu");
  }

  @Test
  void givenPhotoTelegramRefuses_whenSent_thenSentAsAFile() {
    String key = media.put(BotHarness.PNG, "image/png");
    api.failNext("sendPhoto", 400, "Bad Request: PHOTO_INVALID_DIMENSIONS", null);

    assertThat(send(RU_USER, Notice.Type.JOB_RESULT, job(Map.of("result", key)))).isInstanceOf(SendOutcome.Sent.class);

    assertThat(lastCall().method()).isEqualTo("senddocument");
    assertThat(lastCall().upload("document")).isEqualTo(BotHarness.PNG);
  }

  @Test
  void givenVideoResult_whenSent_thenSentAsVideo() {
    String key = media.put(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}, "video/mp4");

    send(RU_USER, Notice.Type.JOB_RESULT, job(Map.of("result", key, "kind", "VIDEO_TEXT")));

    assertThat(lastCall().method()).isEqualTo("sendvideo");
  }

  @Test
  void givenResultAboveUploadLimit_whenLinksServed_thenLinkSent() {
    uploadLimit = 10;
    links = (mediaKey, contentType) -> Optional.of("https://rei.example/media/" + mediaKey);
    String key = media.put(new byte[64], "video/mp4");

    send(RU_USER, Notice.Type.JOB_RESULT, job(Map.of("result", key)));

    assertThat(lastCall().method()).isEqualTo("sendmessage");
    assertThat(lastCall().text()).contains("https://rei.example/media/" + key);
  }

  @Test
  void givenResultAboveUploadLimit_whenNoLinks_thenOrderNumberForSupport() {
    uploadLimit = 10;
    String key = media.put(new byte[64], "video/mp4");

    send(RU_USER, Notice.Type.JOB_RESULT, job(Map.of("result", key)));

    assertThat(lastCall().text()).contains("больше лимита Telegram").contains(ORDER);
  }

  @Test
  void givenResultMissingFromStore_whenSent_thenUserTold() {
    assertThat(send(RU_USER, Notice.Type.JOB_RESULT, job(Map.of("result", "no-such-key"))))
        .isInstanceOf(SendOutcome.Sent.class);

    assertThat(lastCall().text()).contains("файл результата не найден");
  }

  @Test
  void givenTooManyRequests_whenSending_thenRetryAfterHonouredAndChatPaused() {
    api.failNext("sendMessage", 429, "Too Many Requests: retry after 7", 7);

    SendOutcome first = send(RU_USER, Notice.Type.BANNED, Map.of());
    int calls = api.requestCount();
    SendOutcome second = send(RU_USER, Notice.Type.UNBANNED, Map.of());

    assertThat(first).isEqualTo(new SendOutcome.RetryLater(Duration.ofSeconds(7), "429 Too Many Requests: retry after 7"));
    assertThat(second).isInstanceOf(SendOutcome.RetryLater.class);
    assertThat(((SendOutcome.RetryLater) second).after()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(7));
    assertThat(api.requestCount()).isEqualTo(calls);
    assertThat(send(EN_USER, Notice.Type.UNBANNED, Map.of())).isInstanceOf(SendOutcome.Sent.class);
  }

  @Test
  void givenTheBanAlreadyTold_whenTheBanNoticeComes_thenNotSentTwice_butAfterAnUnbanANewBanIs() {
    // The gate told the user, who wrote just after the ban, before the outbox sent the notice.
    assertThat(new BanNotices(chatState, core.clock).tell(RU_USER)).isTrue();

    assertThat(send(RU_USER, Notice.Type.BANNED, Map.of())).isInstanceOf(SendOutcome.Sent.class);
    assertThat(api.calls("sendmessage")).isEmpty();

    send(RU_USER, Notice.Type.UNBANNED, Map.of());
    send(RU_USER, Notice.Type.BANNED, Map.of());
    assertThat(api.calls("sendmessage")).extracting(Call::text)
        .containsExactly("✅ Доступ к боту восстановлен. Отправьте /start, чтобы продолжить.",
            "⛔ Доступ к боту ограничен администратором.");
    // The notice marked the ban told before it went out: a message sent meanwhile is not answered with it again.
    assertThat(new BanNotices(chatState, core.clock).tell(RU_USER)).isFalse();
  }

  @Test
  void givenUserBlockedTheBot_whenSending_thenUndeliverable() {
    api.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user", null);

    assertThat(send(RU_USER, Notice.Type.BANNED, Map.of()))
        .isEqualTo(new SendOutcome.Undeliverable("403 Forbidden: bot was blocked by the user"));
  }

  @Test
  void givenDeactivatedUserOrMissingChat_whenSending_thenUndeliverable() {
    api.failNext("sendMessage", 403, "Forbidden: user is deactivated", null);
    api.failNext("sendMessage", 400, "Bad Request: chat not found", null);

    assertThat(send(RU_USER, Notice.Type.BANNED, Map.of())).isInstanceOf(SendOutcome.Undeliverable.class);
    assertThat(send(RU_USER, Notice.Type.BANNED, Map.of())).isInstanceOf(SendOutcome.Undeliverable.class);
  }

  @Test
  void givenOtherClientError_whenSending_thenUndeliverableWithTelegramsDescription() {
    api.failNext("sendMessage", 400, "Bad Request: can't parse entities", null);

    assertThat(send(RU_USER, Notice.Type.BANNED, Map.of()))
        .isEqualTo(new SendOutcome.Undeliverable("400 Bad Request: can't parse entities"));
  }

  @Test
  void givenServerErrorOrGatewayPage_whenSending_thenRetryLater() {
    api.failNext("sendMessage", 500, "Internal Server Error", null);
    api.failNextWithHtml("sendMessage", 502);

    assertThat(send(RU_USER, Notice.Type.BANNED, Map.of())).isInstanceOf(SendOutcome.RetryLater.class);
    assertThat(send(RU_USER, Notice.Type.BANNED, Map.of())).isInstanceOf(SendOutcome.RetryLater.class);
  }

  @Test
  void givenWrongToken_whenSending_thenRetryLaterNotDropped() {
    api.failNext("sendMessage", 401, "Unauthorized", null);

    assertThat(send(RU_USER, Notice.Type.BANNED, Map.of())).isInstanceOf(SendOutcome.RetryLater.class);
  }

  @Test
  void givenApiUnreachable_whenSending_thenRetryLater() throws Exception {
    api.close();

    SendOutcome outcome = send(RU_USER, Notice.Type.BANNED, Map.of());

    assertThat(outcome).isInstanceOf(SendOutcome.RetryLater.class);
    assertThat(((SendOutcome.RetryLater) outcome).reason()).doesNotContain(FakeBotApi.TOKEN);
  }

  @Test
  void givenTelegramPacing_whenTwoMessagesToOneChatAtOnce_thenSecondWaitsWithoutACall() {
    useConnection(Pacing.TELEGRAM);

    assertThat(send(RU_USER, Notice.Type.BANNED, Map.of())).isInstanceOf(SendOutcome.Sent.class);
    SendOutcome second = send(RU_USER, Notice.Type.UNBANNED, Map.of());
    SendOutcome otherChat = send(EN_USER, Notice.Type.UNBANNED, Map.of());

    assertThat(second).isInstanceOf(SendOutcome.RetryLater.class);
    assertThat(((SendOutcome.RetryLater) second).after()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
    assertThat(otherChat).isInstanceOf(SendOutcome.Sent.class);
    assertThat(api.calls("sendmessage")).hasSize(2);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(send(RU_USER, Notice.Type.UNBANNED, Map.of())).isInstanceOf(SendOutcome.Sent.class);
  }

  @Test
  void givenUnregisteredReader_whenSent_thenRussian() {
    send(777, Notice.Type.UNBANNED, Map.of());

    assertThat(lastCall().text()).contains("восстановлен");
  }
}
