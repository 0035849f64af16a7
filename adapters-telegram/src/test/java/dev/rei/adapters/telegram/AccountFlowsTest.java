package dev.rei.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.adapters.telegram.payment.StarsPreCheckout;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.fakes.InMemoryRateLimiter;
import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 👤 Account, 💳 Top up and 📜 History end to end: real polling against the fake Bot API, the in-memory core behind. */
class AccountFlowsTest {

  private static final long ALICE = 1001;
  private static final long BOB = 1002;

  private BotHarness harness;
  private FakeBotApi api;
  private InMemoryCore core;

  @BeforeEach
  void start() {
    harness = new BotHarness();
    api = harness.api;
    core = harness.core;
    // Stars sends its invoice itself, so it has no pay link.
    core.stars.onCreate(payment -> new PaymentGateway.Checkout(Optional.empty(), Optional.empty()));
    harness.withPreCheckout(new StarsPreCheckout(core.db, core.payments, core.users)).start();
    api.push(api.textMessage(ALICE, "ru", "/start"));
    api.awaitText(ALICE, "Добро пожаловать");
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  @Test
  void givenUser_whenAccountOpened_thenAvailableHeldAndTopUpHistoryButtons() {
    api.push(api.textMessage(ALICE, "ru", "/account"));

    Call account = api.awaitText(ALICE, "Личный кабинет");
    assertThat(account.text()).contains("Доступно: 100 кредитов").contains("Зарезервировано под заказы: 0 кредитов");
    assertThat(account.buttons()).extracting(FakeBotApi.Button::data).containsExactly("m:topup", "m:history", "m:menu");
  }

  @Test
  void givenCardRail_whenPackageChosen_thenPayLinkAndCheckSaysPendingThenPaid() {
    Call rails = openTopUp();
    assertThat(rails.buttons()).extracting(FakeBotApi.Button::label)
        .containsExactly("💳 Банковская карта / СБП", "⭐ Telegram Stars", "👤 Кабинет", "🏠 Меню");

    api.push(api.press(ALICE, rails, rails.button("Банковская карта").data()));
    Call packages = api.awaitText(ALICE, "Выберите пакет");
    assertThat(packages.buttons()).extracting(FakeBotApi.Button::label)
        .startsWith("100 ₽ → 100 кредитов", "200 ₽ → 200 кредитов", "300 ₽ → 300 кредитов");
    assertThat(packages.buttons()).allSatisfy(b -> assertThat(b.data().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(64));

    api.push(api.press(ALICE, packages, packages.button("200 ₽").data()));
    Call link = api.awaitText(ALICE, "Счёт на 200 ₽");
    Payment payment = core.yookassa.created().get(0);
    assertThat(link.button("Оплатить 200 ₽").url()).isEqualTo("https://pay.test/" + payment.id());
    assertThat(payment.amount()).isEqualTo(Money.ofMajor(200, Currency.RUB));

    api.push(api.press(ALICE, link, link.button("Проверить оплату").data()));
    awaitCallbackAnswer("ещё не поступила");

    core.yookassa.report(new PaymentNotification(Rail.YOOKASSA, payment.id(), new ProviderPaymentId("test-" + payment.id()),
        PaymentNotification.ReportedStatus.SUCCEEDED, payment.amount(), Optional.empty()));
    api.push(api.press(ALICE, link, link.button("Проверить оплату").data()));

    awaitCallbackAnswer("Оплата получена");
    Call notice = api.awaitText(ALICE, "+200 кредитов");
    assertThat(notice.text()).contains("Баланс: 300 кредитов");
    assertThat(core.balance.balance(UserId.of(ALICE)).available()).isEqualTo(Credits.of(300));
    api.await("editmessagetext", c -> c.messageId() == link.messageId() && c.text().contains("кредиты зачислены"));
  }

  @Test
  void givenStarsPackage_whenPaidThroughTelegram_thenPreCheckoutOkAndCreditedOnceForTwoMessages() {
    Call rails = openTopUp();
    api.push(api.press(ALICE, rails, rails.button("Telegram Stars").data()));
    Call packages = api.awaitText(ALICE, "Выберите пакет");
    assertThat(packages.button("250 ⭐").label()).isEqualTo("250 ⭐ → 250 + 🎁 25");

    api.push(api.press(ALICE, packages, packages.button("100 ⭐").data()));
    api.awaitText(ALICE, "Счёт на 100 ⭐");
    Payment payment = core.stars.created().get(0);

    api.push(api.preCheckout(ALICE, "ru", payment.id().toString(), "XTR", 100));
    Call answer = api.await("answerprecheckoutquery", c -> true);
    assertThat(answer.fields()).containsEntry("ok", true);
    api.push(api.successfulPayment(ALICE, payment.id().toString(), 100, "stxCharge1"));
    api.push(api.successfulPayment(ALICE, payment.id().toString(), 100, "stxCharge1"));

    Call notice = api.awaitText(ALICE, "+110 кредитов");
    assertThat(notice.text()).contains("Баланс: 210 кредитов");
    harness.drain();
    assertThat(core.balance.balance(UserId.of(ALICE)).available()).isEqualTo(Credits.of(210));
    assertThat(api.calls("sendmessage").stream().filter(c -> c.text().contains("Оплата получена"))).hasSize(1);
    assertThat(core.payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenForgedPayload_whenCheckoutComes_thenRefusedOnTheFastPath() {
    api.push(api.preCheckout(BOB, "en", "not-a-payment", "XTR", 100));

    Call answer = api.await("answerprecheckoutquery", c -> true);
    assertThat(answer.fields()).containsEntry("ok", false);
    assertThat(String.valueOf(answer.fields().get("error_message"))).contains("not valid");
  }

  @Test
  void givenStarsSuccessfulPaymentForWrongAmount_whenArrives_thenNothingCreditedAndPayerTold() {
    Call rails = openTopUp();
    api.push(api.press(ALICE, rails, rails.button("Telegram Stars").data()));
    Call packages = api.awaitText(ALICE, "Выберите пакет");
    api.push(api.press(ALICE, packages, packages.button("100 ⭐").data()));
    api.awaitText(ALICE, "Счёт на 100 ⭐");
    Payment payment = core.stars.created().get(0);

    api.push(api.successfulPayment(ALICE, payment.id().toString(), 1, "stxForged"));

    api.awaitText(ALICE, "не совпала со счётом");
    assertThat(core.balance.balance(UserId.of(ALICE)).available()).isEqualTo(Credits.of(100));
  }

  @Test
  void givenCustomAmount_whenGarbageThenOutOfRangeThenValid_thenClearAnswersThenInvoice() {
    Call rails = openTopUp();
    api.push(api.press(ALICE, rails, rails.button("Telegram Stars").data()));
    Call packages = api.awaitText(ALICE, "Выберите пакет");
    api.push(api.press(ALICE, packages, packages.button("Своя сумма").data()));
    api.awaitText(ALICE, "Сколько кредитов купить");

    api.push(api.textMessage(ALICE, "ru", "много"));
    api.awaitText(ALICE, "Нужно целое число кредитов от 1 до 10");
    api.push(api.textMessage(ALICE, "ru", "20000"));
    api.awaitText(ALICE, "Можно купить от 1 до 10");
    api.push(api.textMessage(ALICE, "ru", "0"));
    api.push(api.textMessage(ALICE, "ru", "150"));

    api.awaitText(ALICE, "Счёт на 150 ⭐");
    Payment payment = core.stars.created().get(0);
    assertThat(payment.credits().total()).isEqualTo(Credits.of(150));
    assertThat(core.stars.created()).hasSize(1);

    // The question is answered: the next text is a prompt for an image again.
    api.push(api.textMessage(ALICE, "ru", "200"));
    api.awaitText(ALICE, "Генерация изображения");
  }

  @Test
  void givenCustomAmountAsked_whenUserDoesSomethingElse_thenTheQuestionLapses() {
    Call rails = openTopUp();
    api.push(api.press(ALICE, rails, rails.button("Telegram Stars").data()));
    Call packages = api.awaitText(ALICE, "Выберите пакет");
    api.push(api.press(ALICE, packages, packages.button("Своя сумма").data()));
    api.awaitText(ALICE, "Сколько кредитов купить");

    api.push(api.textMessage(ALICE, "ru", "/help"));
    api.awaitText(ALICE, "Как пользоваться");
    api.push(api.textMessage(ALICE, "ru", "кот"));

    api.awaitText(ALICE, "Генерация изображения");
    assertThat(core.stars.created()).isEmpty();
  }

  @Test
  void givenRailDown_whenPackageChosen_thenUnavailableTryAnotherAndNothingPending() {
    core.yookassa.down();
    Call rails = openTopUp();
    api.push(api.press(ALICE, rails, rails.button("Банковская карта").data()));
    Call packages = api.awaitText(ALICE, "Выберите пакет");

    api.push(api.press(ALICE, packages, packages.button("100 ₽").data()));

    Call refusal = api.awaitText(ALICE, "сейчас недоступен");
    assertThat(refusal.text()).contains("Попробуйте другой");
    assertThat(refusal.button("Назад").data()).isEqualTo("m:topup");
    assertThat(core.payments.latestOf(UserId.of(ALICE), 5)).extracting(Payment::status)
        .containsOnly(PaymentStatus.CANCELED);
  }

  @Test
  void givenThirteenEntries_whenHistoryPaged_thenTenThenThreeFilteredAndDetailsOpen() {
    for (int i = 1; i <= 12; i++) {
      core.adjust.adjust(new AdjustBalanceCommand(InMemoryCore.ADMIN, UserId.of(ALICE), i, "gift " + i,
          IdempotencyKey.of("test", "gift", Integer.toString(i))));
    }
    openCreditHistory(ALICE);

    Call first = api.awaitText(ALICE, "История за 30 дней · Все");
    assertThat(first.text()).contains("Страница 1");
    List<FakeBotApi.Button> entries = first.buttons().stream().filter(b -> b.label().contains("·")).toList();
    assertThat(entries).hasSize(10);
    assertThat(entries.get(0).label()).startsWith("+12 · Корректировка · ");
    assertThat(first.buttons()).extracting(FakeBotApi.Button::label).contains("Далее ▶️", "• Все", "Бонусы")
        .doesNotContain("◀️ Назад");

    api.push(api.press(ALICE, first, first.button("Далее").data()));
    Call second = api.await("editmessagetext", c -> c.messageId() == first.messageId() && c.text().contains("Страница 2"));
    assertThat(second.buttons().stream().filter(b -> b.label().contains("·"))).hasSize(3);
    assertThat(second.buttons()).extracting(FakeBotApi.Button::label).contains("◀️ Назад").doesNotContain("Далее ▶️");

    api.push(api.press(ALICE, second, second.button("Бонусы").data()));
    Call bonuses = api.await("editmessagetext", c -> c.messageId() == first.messageId() && c.text().contains("Бонусы"));
    List<FakeBotApi.Button> bonusEntries = bonuses.buttons().stream().filter(b -> b.label().contains("·")).toList();
    assertThat(bonusEntries).hasSize(1);
    assertThat(bonusEntries.get(0).label()).startsWith("+100 · Бонус");

    api.push(api.press(ALICE, bonuses, bonusEntries.get(0).data()));
    Call details = api.await("editmessagetext", c -> c.messageId() == first.messageId() && c.text().contains("🕐"));
    assertThat(details.text()).contains("📄 Бонус").contains("+100 кредитов").contains("Приветственный бонус")
        .contains("2026").contains("МСК");
    assertThat(details.button("К истории").data()).startsWith("b:");
  }

  @Test
  void givenPaymentEntry_whenDetailsOpened_thenPaymentIdShown() {
    Call rails = openTopUp();
    api.push(api.press(ALICE, rails, rails.button("Банковская карта").data()));
    Call packages = api.awaitText(ALICE, "Выберите пакет");
    api.push(api.press(ALICE, packages, packages.button("100 ₽").data()));
    api.awaitText(ALICE, "Счёт на 100 ₽");
    Payment payment = core.yookassa.created().get(0);
    core.settle.settle(new PaymentNotification(Rail.YOOKASSA, payment.id(), new ProviderPaymentId("test-" + payment.id()),
        PaymentNotification.ReportedStatus.SUCCEEDED, payment.amount(), Optional.empty()));

    openCreditHistory(ALICE);
    Call history = api.awaitText(ALICE, "История за 30 дней");
    api.push(api.press(ALICE, history, history.button("Пополнение").data()));

    Call details = api.await("editmessagetext", c -> c.messageId() == history.messageId() && c.text().contains("🕐"));
    assertThat(details.text()).contains("Платёж: " + payment.id());
  }

  @Test
  void givenForgedOrForeignButtons_whenPressed_thenOutOfDateAndNothingStarted() {
    openCreditHistory(ALICE);
    Call history = api.awaitText(ALICE, "История за 30 дней");
    Call rails = openTopUp();
    api.push(api.textMessage(BOB, "ru", "/start"));
    api.awaitText(BOB, "Добро пожаловать");

    api.push(api.press(BOB, history, history.button("Бонус").data()));
    api.push(api.press(BOB, rails, rails.button("Банковская карта").data()));
    api.push(api.press(ALICE, rails, "b:AAAAAAAAAAAA"));
    api.push(api.press(ALICE, rails, "b:" + "x".repeat(40)));

    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("answercallbackquery").stream()
        .filter(c -> String.valueOf(c.fields().get("text")).contains("устарела")).count() == 4);
    assertThat(core.yookassa.created()).isEmpty();
    assertThat(api.chatCalls(BOB)).noneMatch(c -> c.text() != null && c.text().contains("Выберите пакет"));
  }

  @Test
  void givenPaymentRateLimit_whenAThirdTopUpIsStartedWithinAMinute_thenRefusedWithWhenToComeBack() throws Exception {
    harness.close();
    harness = new BotHarness(Credits.of(100), new InMemoryRateLimiter(RateLimitPolicy.DEFAULT));
    api = harness.api;
    core = harness.core;
    harness.start();
    api.push(api.textMessage(ALICE, "ru", "/start"));
    api.awaitText(ALICE, "Добро пожаловать");

    for (int i = 1; i <= 3; i++) {
      Call rails = openTopUp();
      api.push(api.press(ALICE, rails, rails.button("Банковская карта").data()));
      Call packages = api.awaitText(ALICE, "Выберите пакет");
      api.push(api.press(ALICE, packages, packages.button("100 ₽").data()));
      if (i < 3) {
        api.awaitText(ALICE, "Счёт на 100 ₽");
      }
    }

    api.awaitText(ALICE, "Слишком много запросов");
    assertThat(core.yookassa.created()).hasSize(2);
  }

  @Test
  void givenPaySupport_whenAsked_thenContactAndRefundRules() {
    api.push(api.textMessage(ALICE, "ru", "/paysupport"));

    Call support = api.awaitText(ALICE, "Вопросы по оплате");
    assertThat(support.text()).contains("@rei_support").contains("возвраты");
  }

  private Call openTopUp() {
    int before = api.calls("sendmessage").size();
    api.push(api.textMessage(ALICE, "ru", "/topup"));
    await().atMost(10, TimeUnit.SECONDS).until(() -> api.calls("sendmessage").stream().skip(before)
        .anyMatch(c -> c.chatId() == ALICE && c.text().contains("Выберите способ оплаты")));
    return api.calls("sendmessage").stream().skip(before)
        .filter(c -> c.chatId() == ALICE && c.text().contains("Выберите способ оплаты")).findFirst().orElseThrow();
  }

  private void awaitCallbackAnswer(String fragment) {
    api.await("answercallbackquery", c -> String.valueOf(c.fields().get("text")).contains(fragment));
  }

  /** /history lists the generations; its 📜 button turns that message into the credit history. */
  private void openCreditHistory(long user) {
    api.push(api.textMessage(user, "ru", "/history"));
    Call generations = api.awaitText(user, "Ваши генерации");
    api.push(api.press(user, generations, generations.button("История кредитов").data()));
  }
}
