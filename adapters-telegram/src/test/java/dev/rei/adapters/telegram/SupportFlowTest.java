package dev.rei.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /support both ways (user → support → user), its refusals and quota, and /cancel's list of live orders. */
class SupportFlowTest {

  private static final long ALICE = 2101;
  private static final long MALLORY = 2102;
  private static final long ADMIN = InMemoryCore.ADMIN.value();
  private static final long SUPPORT_CHAT = -100_500;

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

  /** The support message shown in {@code chatId}, once the outbox has recorded whom it is from. */
  private Call relayed(long chatId, String fragment) {
    Call call = api.awaitText(chatId, fragment);
    // The fake API records the call before the bot hears back; the thread is remembered after that.
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> harness.core.outbox.countUnsent() == 0);
    return call;
  }

  private long sentTo(long chatId, String fragment) {
    return api.calls().stream().filter(c -> c.chatId() == chatId && c.text() != null && c.text().contains(fragment))
        .count();
  }

  @Test
  void givenNoSupportChat_whenUserWritesAndAdminReplies_thenTheAnswerReachesTheUser() {
    start(new BotHarness());

    api.push(api.textMessage(ALICE, "ru", "/support Видео не пришло, заказ 42"));

    assertThat(api.awaitText(ALICE, "Отправлено в поддержку").text()).contains("ответим");
    Call relayed = relayed(ADMIN, "Видео не пришло, заказ 42");
    assertThat(relayed.text()).contains("В поддержку от " + ALICE).contains("язык: ru");
    assertThat(relayed.fields()).doesNotContainKey("parse_mode");

    api.push(api.reply(ADMIN, "ru", relayed, "Уже отправили, проверьте чат"));

    assertThat(api.awaitText(ALICE, "💬 Поддержка: Уже отправили, проверьте чат").buttons()).isNotEmpty();
    api.awaitText(ADMIN, "Ответ отправлен пользователю " + ALICE);
  }

  @Test
  void givenSupportChat_whenPhotoSentAfterTheButton_thenTheGroupGetsItAndAnAdminsReplyComesBack() {
    start(new BotHarness().withSupportChat(SUPPORT_CHAT));
    api.push(api.textMessage(ALICE, "en", "/start"));
    api.awaitText(ALICE, "Welcome");

    api.push(api.textMessage(ALICE, "en", "/support"));
    api.awaitText(ALICE, "Write your message to support");
    api.push(api.photoMessage(ALICE, "en", "screenshot-1", new byte[] {1, 2}, "this is what I see", null));

    api.awaitText(ALICE, "Sent to support");
    Call relayed = api.await("sendphoto", c -> c.chatId() == SUPPORT_CHAT);
    relayed(SUPPORT_CHAT, "this is what I see");
    assertThat(relayed.fields()).containsEntry("photo", "screenshot-1");
    assertThat(relayed.text()).contains("this is what I see").contains(String.valueOf(ALICE));
    assertThat(sentTo(ADMIN, "this is what I see")).isZero();

    api.push(api.reply(ADMIN, "ru", relayed, "Thanks, fixing it"));

    api.awaitText(ALICE, "💬 Support: Thanks, fixing it");
    api.awaitText(SUPPORT_CHAT, "Ответ отправлен");
  }

  @Test
  void givenSupportChat_whenNonAdminRepliesOrTheReplyIsToSomethingElse_thenNothingHappens() {
    start(new BotHarness().withSupportChat(SUPPORT_CHAT));
    api.push(api.textMessage(ALICE, "ru", "/support помогите"));
    Call relayed = relayed(SUPPORT_CHAT, "помогите");
    Call otherMessage = new Call("sendmessage", Map.of("chat_id", SUPPORT_CHAT, "text", "x"), Map.of(),
        relayed.messageId() + 500, true);
    Call elsewhere = new Call("sendmessage", Map.of("chat_id", -100_999L, "text", "x"), Map.of(),
        relayed.messageId(), true);

    api.push(api.reply(MALLORY, "ru", relayed, "я тоже поддержка"));
    api.push(api.reply(ADMIN, "ru", otherMessage, "не туда"));
    api.push(api.reply(ADMIN, "ru", elsewhere, "не та группа"));
    api.push(api.textMessage(MALLORY, "ru", "/support спам"));
    harness.drain();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> harness.core.outbox.countUnsent() == 0);

    assertThat(sentTo(ALICE, "Поддержка:")).isZero();
    assertThat(api.calls()).filteredOn(c -> c.chatId() == SUPPORT_CHAT || c.chatId() == -100_999L)
        .extracting(Call::text).noneMatch(text -> text.contains("Ответ отправлен"));
    assertThat(sentTo(MALLORY, "Ответ")).isZero();
  }

  @Test
  void givenAdminReply_whenItIsASticker_thenTheAdminIsToldOnlyTextIsRelayed() {
    start(new BotHarness());
    api.push(api.textMessage(ALICE, "ru", "/support где мой заказ"));
    Call relayed = relayed(ADMIN, "где мой заказ");

    api.push(api.reply(ADMIN, "ru", relayed, null));

    api.awaitText(ADMIN, "только текст");
    assertThat(sentTo(ALICE, "Поддержка:")).isZero();
  }

  @Test
  void givenMarkupAndBracesInTheText_whenRelayedBothWays_thenShownVerbatim() {
    start(new BotHarness());
    String hostile = "<b>bold</b> *star* {0} {text} '";

    api.push(api.textMessage(ALICE, "ru", "/support " + hostile));
    Call relayed = relayed(ADMIN, hostile);
    api.push(api.reply(ADMIN, "ru", relayed, "ответ {0} <i>x</i>"));

    assertThat(api.awaitText(ALICE, "ответ {0} <i>x</i>").fields()).doesNotContainKey("parse_mode");
    assertThat(relayed.fields()).doesNotContainKey("parse_mode");
  }

  @Test
  void givenBadInput_whenSentToSupport_thenExplainedAndNothingRelayed() {
    start(new BotHarness());

    api.push(api.textMessage(ALICE, "ru", "/support " + "я".repeat(3_001)));
    api.awaitText(ALICE, "В сообщении 3");
    api.push(api.textMessage(ALICE, "ru", "/support"));
    api.awaitText(ALICE, "Напишите сообщение в поддержку");
    api.push(api.reply(ALICE, "ru", new Call("sendmessage", Map.of("chat_id", ALICE), Map.of(), 1, true), null));
    api.awaitText(ALICE, "только текст и фото");
    api.push(api.textMessage(ALICE, "ru", "   "));
    api.awaitText(ALICE, "Сообщение пустое");

    harness.drain();
    assertThat(api.calls()).noneMatch(c -> c.chatId() == ADMIN);
  }

  @Test
  void givenSupportStep_whenCancelled_thenTheNextTextIsAnOrdinaryPrompt() {
    start(new BotHarness());
    api.push(api.textMessage(ALICE, "ru", "/support"));
    api.awaitText(ALICE, "Напишите сообщение в поддержку");
    api.push(api.textMessage(ALICE, "ru", "/cancel"));
    api.awaitText(ALICE, "начнём сначала");

    api.push(api.textMessage(ALICE, "ru", "рыжий кот"));

    assertThat(api.awaitText(ALICE, "рыжий кот").text()).contains("Генерация изображения");
    assertThat(api.calls()).noneMatch(c -> c.chatId() == ADMIN);
  }

  @Test
  void givenFiveMessagesThisHour_whenASixthIsSent_thenRefusedWithWhenToComeBack_untilTheHourPasses() {
    start(new BotHarness());
    for (int i = 1; i <= 5; i++) {
      api.push(api.textMessage(ALICE, "ru", "/support вопрос " + i));
      api.awaitText(ADMIN, "вопрос " + i);
    }

    api.push(api.textMessage(ALICE, "ru", "/support вопрос 6"));

    assertThat(api.awaitText(ALICE, "уже написали в поддержку 5 раз").text()).contains("через 60 минут");
    harness.drain();
    assertThat(sentTo(ADMIN, "вопрос 6")).isZero();

    harness.core.clock.advance(Duration.ofMinutes(61));
    api.push(api.textMessage(ALICE, "ru", "/support вопрос 7"));
    api.awaitText(ADMIN, "вопрос 7");
  }

  @Test
  void givenLiveOrders_whenCancelCommand_thenListedWithCancelButtonsThatWork() {
    start(new BotHarness(Credits.of(1_000), BotHarness.UNLIMITED));
    api.push(api.textMessage(ALICE, "ru", "сова на ветке"));
    Call quote = api.awaitText(ALICE, "сова на ветке");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> !harness.core.jobs.liveOf(UserId.of(ALICE)).isEmpty());
    JobId job = harness.core.jobs.liveOf(UserId.of(ALICE)).get(0).id();

    api.push(api.textMessage(ALICE, "ru", "/cancel"));

    Call list = api.awaitText(ALICE, "Ваши заказы в работе");
    assertThat(list.text()).contains("начнём сначала").contains("1. Генерация изображения");
    api.push(api.press(ALICE, list, list.button("❌ Отменить 1").data()));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> harness.core.jobs.liveOf(UserId.of(ALICE)).isEmpty());
    assertThat(harness.core.jobs.find(job)).hasValueSatisfying(
        cancelled -> assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED));
  }

  @Test
  void givenNoLiveOrders_whenCancelCommand_thenOnlyTheReset() {
    start(new BotHarness());

    api.push(api.textMessage(ALICE, "ru", "/cancel"));

    assertThat(api.awaitText(ALICE, "начнём сначала").text()).doesNotContain("Ваши заказы");
  }
}
