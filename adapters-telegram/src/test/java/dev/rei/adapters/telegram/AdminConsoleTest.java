package dev.rei.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.adapters.telegram.button.AdminStep;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Buttons;
import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.application.fakes.FakePaymentGateway;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.Notice;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin console against the fake Bot API: rights at every command and press, each command, bad arguments. */
class AdminConsoleTest {

  private static final long ADMIN = InMemoryCore.ADMIN.value();
  private static final long ALICE = 3001;
  private static final long MALLORY = 3002;
  private static final String UNKNOWN = "Не знаю такой команды.";
  private static final String OUTDATED = "Эта кнопка устарела.";

  private BotHarness harness;
  private FakeBotApi api;

  @BeforeEach
  void start() {
    harness = new BotHarness(Credits.of(100), BotHarness.UNLIMITED);
    api = harness.api;
    harness.start();
    register(ADMIN, "the_boss");
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  /** A message from {@code user} whose Telegram @username is {@code username}. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> textFrom(long user, String username, String text) {
    Map<String, Object> message = new LinkedHashMap<>((Map<String, Object>) api.textMessage(user, "ru", text)
        .get("message"));
    Map<String, Object> from = new LinkedHashMap<>((Map<String, Object>) message.get("from"));
    from.put("username", username);
    message.put("from", from);
    return Map.of("message", message);
  }

  private void register(long user, String username) {
    api.push(textFrom(user, username, "/start"));
    api.awaitText(user, "Добро пожаловать");
  }

  private int sentSoFar(long chat) {
    return api.chatCalls(chat).size();
  }

  /** The first chat message sent to {@code chat} after {@code before} messages. */
  private Call nextTo(long chat, int before) {
    await().atMost(10, TimeUnit.SECONDS).until(() -> api.chatCalls(chat).stream()
        .filter(Call::isChatMessage).count() > before);
    return api.chatCalls(chat).stream().filter(Call::isChatMessage).skip(before).findFirst().orElseThrow();
  }

  private Call say(long user, String text) {
    int before = (int) api.chatCalls(user).stream().filter(Call::isChatMessage).count();
    api.push(api.textMessage(user, "ru", text));
    return nextTo(user, before);
  }

  private Call answerAfter(int before) {
    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("answercallbackquery").size() > before);
    return api.calls("answercallbackquery").get(before);
  }

  private long available(long user) {
    return harness.core.balance.balance(UserId.of(user)).available().value();
  }

  /** Every admin command, with and without arguments, in the forms an admin would type them. */
  private static final List<String> ADMIN_COMMANDS = List.of("/admin", "/add 3001 50 gift", "/sub 3001 5",
      "/ban 3001 spam", "/unban 3001", "/user 3001", "/user @alice_w", "/job 0b7c5a1e-4f7e-4d8a-9b1c-2f3e4d5c6b7a",
      "/refund 0b7c5a1e-4f7e-4d8a-9b1c-2f3e4d5c6b7a", "/reconcile", "/stats", "/STATS@rei_bot", "/add");

  @Test
  void givenNonAdmin_everyAdminCommand_isAnsweredExactlyLikeAnUnknownCommand_andChangesNothing() {
    register(ALICE, "alice_w");
    register(MALLORY, "mallory");
    Call unknown = say(MALLORY, "/nosuchcommand");

    for (String command : ADMIN_COMMANDS) {
      Call answer = say(MALLORY, command);

      assertThat(answer.text()).as(command).startsWith(UNKNOWN).isEqualTo(unknown.text());
      assertThat(answer.fields().get("reply_markup")).as(command).isEqualTo(unknown.fields().get("reply_markup"));
    }
    assertThat(available(ALICE)).isEqualTo(100);
    assertThat(harness.core.users.find(UserId.of(ALICE)).orElseThrow().isBanned()).isFalse();
    assertThat(harness.core.auditLog.about(UserId.of(ALICE), 10)).isEmpty();
    assertThat(api.calls("sendphoto")).isEmpty();
  }

  @Test
  void givenAdminsMenuButtons_pressedByAnotherUser_orMadeUp_areOutOfDate_andDoNothing() {
    register(MALLORY, "mallory");
    Call menu = say(ADMIN, "/admin");
    assertThat(menu.text()).contains("Консоль администратора");
    int sentToMallory = sentSoFar(MALLORY);
    int before = api.calls("answercallbackquery").size();

    api.push(api.press(MALLORY, menu, menu.button("Статистика").data()));
    assertThat(String.valueOf(answerAfter(before).fields().get("text"))).isEqualTo(OUTDATED);
    api.push(api.press(MALLORY, menu, "b:AAAAAAAAAAAAAAAA"));
    assertThat(String.valueOf(answerAfter(before + 1).fields().get("text"))).isEqualTo(OUTDATED);
    api.push(api.press(MALLORY, menu, "admin:stats"));
    assertThat(String.valueOf(answerAfter(before + 2).fields().get("text"))).isEqualTo(OUTDATED);
    harness.drain();

    assertThat(sentSoFar(MALLORY)).isEqualTo(sentToMallory);
    assertThat(api.calls("sendphoto")).isEmpty();
    assertThat(api.findText(ADMIN, "Статистика на")).isEmpty();
  }

  @Test
  void givenAdminButtonOfSomeoneNoLongerAnAdmin_whenPressed_thenOutOfDate_andNothingHappens() {
    register(MALLORY, "mallory");
    // An admin button made for Mallory while she was an admin; ADMIN_IDS no longer names her.
    String key = new Buttons(harness.core.chatState, harness.core.clock).register(
        new ButtonAction.Admin(MALLORY, new AdminStep.Reconcile()), Duration.ofHours(1));
    Call shown = say(MALLORY, "/help");
    int before = api.calls("answercallbackquery").size();

    api.push(api.press(MALLORY, shown, "b:" + key));

    assertThat(String.valueOf(answerAfter(before).fields().get("text"))).isEqualTo(OUTDATED);
    harness.drain();
    assertThat(api.findText(MALLORY, "Бухгалтерия")).isEmpty();
  }

  @Test
  void givenAdminMenu_helpAndReconcileButtons_work() {
    Call menu = say(ADMIN, "/admin");
    int before = (int) api.chatCalls(ADMIN).stream().filter(Call::isChatMessage).count();

    api.push(api.press(ADMIN, menu, menu.button("Справка").data()));
    assertThat(nextTo(ADMIN, before).text()).contains("/add <user> <кредиты> [причина]").contains("/job");
    api.push(api.press(ADMIN, menu, menu.button("Сверка").data()));

    assertThat(nextTo(ADMIN, before + 1).text()).startsWith("✅ Бухгалтерия в порядке");
  }

  @Test
  void givenAdd_byUsername_creditsTheUser_once_evenWhenTheSameMessageComesAgain() {
    register(ALICE, "Alice_W");
    Map<String, Object> add = api.textMessage(ADMIN, "ru", "/add @alice_w 50 компенсация за сбой");

    api.push(add);
    assertThat(api.awaitText(ADMIN, "начислено").text()).contains("50 кредитов").contains("компенсация за сбой")
        .contains("150 кредитов");
    api.push(add);
    api.awaitText(ADMIN, "уже выполнена");

    assertThat(available(ALICE)).isEqualTo(150);
    harness.bot().wakeOutbox();
    assertThat(api.awaitText(ALICE, "начислил").text()).contains("50 кредитов").contains("компенсация за сбой");
    assertThat(harness.core.auditLog.about(UserId.of(ALICE), 10)).singleElement()
        .satisfies(entry -> assertThat(entry.reason()).isEqualTo("компенсация за сбой"));
  }

  @Test
  void givenSubBeyondTheBalance_isRefusedWithTheAvailableAmount_andWithinIt_takesCredits() {
    register(ALICE, "alice_w");

    assertThat(say(ADMIN, "/sub 3001 500 ошибка").text()).contains("доступно только 100 кредитов");
    assertThat(say(ADMIN, "/sub 3001 30").text()).contains("списано 30 кредитов").contains("70 кредитов");

    assertThat(available(ALICE)).isEqualTo(70);
  }

  @Test
  void givenBadArguments_theAdminGetsTheUsageLine_andNothingChanges() {
    register(ALICE, "alice_w");

    for (String command : List.of("/add", "/add 3001", "/add 3001 abc", "/add 3001 -5", "/add 3001 0", "/add bad! 5",
        "/add 3001 99999999999", "/add 3001 5.5", "/sub x", "/sub @a 5", "/ban", "/unban", "/user", "/user a b",
        "/job", "/job 42", "/refund not-a-payment")) {
      assertThat(say(ADMIN, command).text()).as(command).startsWith("Формат: /");
    }

    assertThat(available(ALICE)).isEqualTo(100);
    assertThat(harness.core.auditLog.about(UserId.of(ALICE), 10)).isEmpty();
  }

  @Test
  void givenUnknownUsernameOrTooLongReason_theAdminIsToldSo() {
    assertThat(say(ADMIN, "/user @nobody_here").text()).isEqualTo("Пользователь @nobody_here не найден.");
    assertThat(say(ADMIN, "/add 3001 5 " + "x".repeat(501)).text()).contains("длиннее 500");
    assertThat(say(ADMIN, "/user 3001").text()).isEqualTo("⛔ Такого пользователя нет.");
  }

  @Test
  void givenBanThenUnban_theUserIsToldOnce_servedNothingWhileBanned_andServedAgainAfter() {
    register(ALICE, "alice_w");

    assertThat(say(ADMIN, "/ban @alice_w спам").text()).isEqualTo("✅ Пользователь 3001 заблокирован.");
    harness.bot().wakeOutbox();
    api.awaitText(ALICE, "ограничен");
    int before = sentSoFar(ALICE);
    api.push(api.textMessage(ALICE, "ru", "кот в сапогах"));
    api.push(api.textMessage(ALICE, "ru", "ещё кот"));
    harness.drain();
    assertThat(api.chatCalls(ALICE).stream().skip(before).filter(Call::isChatMessage)).isEmpty();
    assertThat(harness.core.users.find(UserId.of(ALICE)).orElseThrow().isBanned()).isTrue();

    assertThat(say(ADMIN, "/unban 3001").text()).isEqualTo("✅ Пользователь 3001 разблокирован.");
    assertThat(say(ALICE, "/help").text()).isNotBlank();
    assertThat(say(ADMIN, "/ban 900").text()).isEqualTo("⛔ Администратора заблокировать нельзя.");
  }

  @Test
  void givenUser_card_showsUsernameBalanceLiveJobsPaymentsAndAudit() {
    register(ALICE, "alice_w");
    Payment payment = ((TopUpStart.Started) harness.core.startTopUp.startTopUp(new StartTopUpCommand(
        UserId.of(ALICE), Rail.YOOKASSA, new TopUpChoice.Package("rub-100")))).payment();
    harness.core.settle.settle(new PaymentNotification(Rail.YOOKASSA, payment.id(),
        FakePaymentGateway.providerIdOf(payment), PaymentNotification.ReportedStatus.SUCCEEDED, payment.amount(),
        Optional.of(UserId.of(ALICE))));
    say(ADMIN, "/add 3001 7 подарок");

    String card = say(ADMIN, "/user @ALICE_W").text();

    assertThat(card).contains("Пользователь 3001 (@alice_w)").contains("Блокировка: нет")
        .contains("доступно 207 кредитов").contains("Текущих заданий нет")
        .contains(payment.id().toString()).contains("YOOKASSA").contains("SUCCEEDED")
        .contains("adjust_balance").contains("подарок");
  }

  @Test
  void givenLiveJob_jobCard_showsIt_andCancelReleasesTheHold_once() {
    register(ALICE, "alice_w");
    harness.core.provider.onSubmit((job, key) -> new GenerationProvider.Outcome.Pending("task-9",
        dev.rei.domain.job.Progress.of(5), Duration.ofMinutes(10)));
    api.push(api.textMessage(ALICE, "ru", "кот"));
    Call quote = api.awaitText(ALICE, "кот");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    await().atMost(10, TimeUnit.SECONDS).until(() -> !harness.core.jobs.liveOf(UserId.of(ALICE)).isEmpty());
    harness.runJobs();
    Job job = harness.core.jobs.liveOf(UserId.of(ALICE)).get(0);

    Call card = say(ADMIN, "/job " + job.id());
    assertThat(card.text()).contains("Задание " + job.id()).contains("AWAITING_PROVIDER").contains("sim")
        .contains("task-9").contains("Пользователь: 3001");
    int before = (int) api.chatCalls(ADMIN).stream().filter(Call::isChatMessage).count();
    api.push(api.press(ADMIN, card, card.button("Отменить").data()));
    assertThat(nextTo(ADMIN, before).text()).contains("отменено");
    api.push(api.press(ADMIN, card, card.button("Отменить").data()));
    assertThat(nextTo(ADMIN, before + 1).text()).contains("уже завершено");

    assertThat(harness.core.jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(available(ALICE)).isEqualTo(100);
    assertThat(harness.core.auditLog.about(UserId.of(ALICE), 10)).extracting(e -> e.action())
        .containsExactly("cancel_job");
  }

  @Test
  void givenFailedJob_retryButton_ordersItAgainForFree_once() {
    register(ALICE, "alice_w");
    harness.core.provider.onSubmit((job, key) -> new GenerationProvider.Outcome.Failed(
        Failure.of(FailureClass.USER_VIOLATION, "nsfw")));
    api.push(api.textMessage(ALICE, "ru", "кот"));
    Call quote = api.awaitText(ALICE, "кот");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    await().atMost(10, TimeUnit.SECONDS).until(() -> !harness.core.jobs.liveOf(UserId.of(ALICE)).isEmpty());
    Job job = harness.core.jobs.liveOf(UserId.of(ALICE)).get(0);
    harness.runJobs();
    assertThat(harness.core.jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);

    Call card = say(ADMIN, "/job " + job.id());
    assertThat(card.text()).contains("USER_VIOLATION: nsfw");
    assertThat(card.buttons()).extracting(FakeBotApi.Button::label).containsExactly("🔁 Повторить");
    int before = (int) api.chatCalls(ADMIN).stream().filter(Call::isChatMessage).count();
    api.push(api.press(ADMIN, card, card.button("Повторить").data()));
    assertThat(nextTo(ADMIN, before).text()).contains("заказано заново");
    api.push(api.press(ADMIN, card, card.button("Повторить").data()));
    assertThat(nextTo(ADMIN, before + 1).text()).contains("уже было заказано заново");

    List<Job> live = harness.core.jobs.liveOf(UserId.of(ALICE));
    assertThat(live).singleElement().satisfies(j -> assertThat(j.parameters()).isEqualTo(job.parameters()));
    assertThat(available(ALICE)).isEqualTo(100);
  }

  @Test
  void givenRefundTheRailRefuses_theAdminSeesTheRailsReason() {
    register(ALICE, "alice_w");
    Payment payment = ((TopUpStart.Started) harness.core.startTopUp.startTopUp(new StartTopUpCommand(
        UserId.of(ALICE), Rail.YOOKASSA, new TopUpChoice.Package("rub-100")))).payment();
    harness.core.settle.settle(new PaymentNotification(Rail.YOOKASSA, payment.id(),
        FakePaymentGateway.providerIdOf(payment), PaymentNotification.ReportedStatus.SUCCEEDED, payment.amount(),
        Optional.of(UserId.of(ALICE))));
    harness.core.yookassa.refuseRefunds("refunds are made in the dashboard");

    String refused = say(ADMIN, "/refund " + payment.id() + " просьба клиента").text();
    assertThat(refused).contains("отказала в возврате").contains("refunds are made in the dashboard");

    harness.core.yookassa.refuseRefunds(null);
    assertThat(say(ADMIN, "/refund " + payment.id()).text())
        .isEqualTo("✅ Платёж " + payment.id() + " возвращён, пользователь уведомлён.");
    assertThat(harness.core.yookassa.refunds()).extracting(Payment::id).containsExactly(payment.id());
  }

  @Test
  void givenStats_theAdminGetsTheFigures_andA14DayChartAsAPhoto() throws Exception {
    register(ALICE, "alice_w");

    String text = say(ADMIN, "/stats").text();

    assertThat(text).contains("Статистика на").contains("Пользователи: 2").contains("sim: исправны 2");
    Call photo = api.await("sendphoto", call -> call.chatId() == ADMIN);
    byte[] png = photo.upload("photo");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(photo.text()).contains("14 дней");
  }

  @Test
  void givenUsernameChanges_theGateStoresTheNewOne() {
    register(ALICE, "alice_w");
    api.push(textFrom(ALICE, "alice_new", "/help"));
    harness.drain();

    assertThat(harness.core.users.usernameOf(UserId.of(ALICE))).contains("alice_new");
    assertThat(harness.core.users.findByUsername("alice_w")).isEmpty();
  }
}
