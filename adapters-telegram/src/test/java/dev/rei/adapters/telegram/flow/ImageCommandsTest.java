package dev.rei.adapters.telegram.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.telegram.api.CommandMenu;
import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.fake.FakeBotApi.Call;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands of seed 003 through real polling against the fake Bot API, the in-memory core behind. */
class ImageCommandsTest {

  private static final long ALICE = 2001;
  private static final long BOB = 2002;

  private BotHarness harness;
  private FakeBotApi api;

  @BeforeEach
  void start() {
    harness = new BotHarness();
    api = harness.api;
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private void register(long user) {
    api.push(api.textMessage(user, "ru", "/start"));
    api.awaitText(user, "Добро пожаловать");
  }

  private Call after(long user, int sentBefore, String fragment) {
    return api.await("sendmessage", c -> c.chatId() == user && c.text().contains(fragment)
        && api.calls("sendmessage").indexOf(c) >= sentBefore);
  }

  private int sent() {
    return api.calls("sendmessage").size();
  }

  private void addReferences(long user, int count) {
    api.push(api.textMessage(user, "ru", "/refs"));
    Call refs = api.awaitText(user, "Референсов пока нет");
    api.push(api.press(user, refs, refs.button("Добавить").data()));
    api.awaitText(user, "Пришлите фото");
    for (int i = 1; i <= count; i++) {
      api.push(api.photoMessage(user, "ru", "ref-" + user + "-" + i, BotHarness.PNG, null, null));
      api.awaitText(user, "Добавлено: " + i + " из");
    }
  }

  private Job onlyLiveJob(long user) {
    List<Job> live = harness.core.jobs.liveOf(UserId.of(user));
    assertThat(live).hasSize(1);
    return live.get(0);
  }

  @Test
  void givenNoPrompt_promptAndGenerate_sayHowToSetOne_thenPromptIsKeptAndShown() {
    harness.start();
    register(ALICE);

    api.push(api.textMessage(ALICE, "ru", "/generate"));
    api.awaitText(ALICE, "Сначала задайте промпт");
    api.push(api.textMessage(ALICE, "ru", "/prompt"));
    api.awaitText(ALICE, "Промпт ещё не задан");
    api.push(api.textMessage(ALICE, "ru", "/prompt портрет в лесу\nмягкий свет"));
    Call saved = api.awaitText(ALICE, "Промпт сохранён");
    assertThat(saved.text()).contains("портрет в лесу\nмягкий свет").contains("1:1").contains("1K");
    api.push(api.textMessage(ALICE, "ru", "/prompt"));

    Call current = api.awaitText(ALICE, "Ваш промпт");
    assertThat(current.text()).contains("портрет в лесу");
    assertThat(harness.core.jobs.liveOf(UserId.of(ALICE))).isEmpty();
    api.push(api.press(ALICE, current, current.button("Создать").data()));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    assertThat(quote.text()).contains("портрет в лесу").contains("50 кредитов").contains("1K · 1:1")
        .doesNotContain("📎");
  }

  @Test
  void givenTwoReferencesAndAPrompt_generate_quotesTheGenerationPrice_andTheJobCarriesBothReferences() {
    harness.start();
    register(ALICE);
    addReferences(ALICE, 2);
    Call added = api.awaitText(ALICE, "Добавлено: 2 из 5");
    api.push(api.press(ALICE, added, added.button("Готово").data()));
    api.awaitText(ALICE, "Референсов: 2 из 5");
    api.push(api.textMessage(ALICE, "ru", "/prompt я на Марсе"));
    api.awaitText(ALICE, "Промпт сохранён");

    api.push(api.textMessage(ALICE, "ru", "/generate"));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    assertThat(quote.text()).contains("я на Марсе").contains("50 кредитов").contains("1K · 1:1 · 📎 2 референса");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    api.awaitText(ALICE, "Заказ принят");

    Job job = onlyLiveJob(ALICE);
    Map<String, String> parameters = job.parameters().values();
    assertThat(parameters.get("input_media").split(",")).hasSize(2)
        .allSatisfy(key -> assertThat(harness.media.get(key)).isPresent());
    assertThat(parameters).containsEntry("prompt", "я на Марсе").containsEntry("aspect_ratio", "1:1")
        .containsEntry("image_size", "1K");
    assertThat(job.price()).isEqualTo(Credits.of(50));
  }

  @Test
  void givenFourteenReferences_aFifteenthPhoto_isRefusedPolitely_andNotKept() {
    harness.withMaxReferencePhotos(14).start();
    register(ALICE);
    addReferences(ALICE, 14);
    assertThat(api.awaitText(ALICE, "Добавлено: 14 из 14").text()).contains("последний свободный слот");

    api.push(api.photoMessage(ALICE, "ru", "ref-15", BotHarness.PNG, null, null));

    api.awaitText(ALICE, "Больше фото не добавить");
    api.push(api.textMessage(ALICE, "ru", "/prompt лицо"));
    api.push(api.textMessage(ALICE, "ru", "/generate"));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    api.awaitText(ALICE, "Заказ принят");
    assertThat(onlyLiveJob(ALICE).parameters().values().get("input_media").split(",")).hasSize(14);
    assertThat(api.findText(ALICE, "Пришлите фото с подписью")).isEmpty();
  }

  @Test
  void givenReferences_removeOneThenClear_forgetsThem_andSurvivesARestart() {
    harness.start();
    register(ALICE);
    addReferences(ALICE, 2);
    api.push(api.textMessage(ALICE, "ru", "/prompt кот"));
    api.awaitText(ALICE, "Промпт сохранён");
    harness.restart();

    int before = api.calls("sendphoto").size();
    api.push(api.textMessage(ALICE, "ru", "/refs"));
    api.awaitText(ALICE, "Референсы: 2 из 5");
    List<Call> shown = api.calls("sendphoto").subList(before, api.calls("sendphoto").size());
    assertThat(shown).hasSize(2).allSatisfy(photo -> assertThat(photo.upload("photo")).isEqualTo(BotHarness.PNG));
    api.push(api.press(ALICE, shown.get(0), shown.get(0).button("Удалить").data()));
    api.awaitText(ALICE, "Осталось: 1 из 5");
    api.push(api.textMessage(ALICE, "ru", "/prompt"));
    api.awaitText(ALICE, "Ваш промпт");

    api.push(api.textMessage(ALICE, "ru", "/clear"));
    assertThat(api.awaitText(ALICE, "Удалено референсов").text()).contains("1");
    api.push(api.textMessage(ALICE, "ru", "/clear"));
    api.awaitText(ALICE, "Референсов и так нет");
  }

  @Test
  void givenAnUnknownRatio_settings_changesNothingAndListsTheChoices() {
    harness.start();
    register(ALICE);

    api.push(api.textMessage(ALICE, "ru", "/settings 16:9 7:5"));

    Call refusal = api.awaitText(ALICE, "Не знаю «7:5»");
    assertThat(refusal.text()).contains("16:9").contains("2K");
    api.push(api.textMessage(ALICE, "ru", "/settings"));
    Call settings = api.awaitText(ALICE, "Настройки");
    assertThat(settings.text()).contains("Формат: 1:1").contains("Размер: 1K — 50 кредитов")
        .contains("2K — 75 кредитов (редактирование — 45 кредитов)").contains("4K — 100 кредитов");
    assertThat(settings.button("• 1:1").data()).startsWith("b:");
    assertThat(settings.button("Язык").data()).isEqualTo("m:lang");
  }

  @Test
  void givenSettingsChosen_everyImageJob_hasTheRatioAndSize_andTheSizesPrice() throws Exception {
    harness.close();
    harness = new BotHarness(Credits.of(1_000), BotHarness.UNLIMITED);
    api = harness.api;
    harness.start();
    register(ALICE);
    api.push(api.textMessage(ALICE, "ru", "/settings"));
    Call settings = api.awaitText(ALICE, "Настройки");
    api.push(api.press(ALICE, settings, settings.button("9:16").data()));
    api.await("editmessagetext", c -> c.chatId() == ALICE && c.text().contains("Формат: 9:16"));
    api.push(api.textMessage(ALICE, "ru", "/settings 4k"));
    api.awaitText(ALICE, "Настройки сохранены");

    api.push(api.textMessage(ALICE, "ru", "горы на закате"));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    assertThat(quote.text()).contains("100 кредитов").contains("4K · 9:16");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    api.awaitText(ALICE, "Заказ принят");
    assertThat(onlyLiveJob(ALICE).parameters().values()).containsEntry("aspect_ratio", "9:16")
        .containsEntry("image_size", "4K").doesNotContainKey("input_media");
    harness.runJobs();
    api.await("sendphoto", c -> c.chatId() == ALICE);

    api.push(api.photoMessage(ALICE, "ru", "to-edit", BotHarness.PNG, "сделай синим", null));
    Call edit = api.awaitText(ALICE, "Редактирование фото");
    assertThat(edit.text()).contains("60 кредитов").contains("4K · 9:16").doesNotContain("📎");
  }

  @Test
  void givenAFinishedGeneration_history_listsIt_andResendSendsTheResultAgain_onlyToItsOwner() {
    harness.start();
    register(ALICE);
    register(BOB);
    api.push(api.textMessage(ALICE, "ru", "кот в космосе"));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    api.awaitText(ALICE, "Заказ принят");
    harness.runJobs();
    api.await("sendphoto", c -> c.chatId() == ALICE);

    api.push(api.textMessage(ALICE, "ru", "/history"));
    Call history = api.awaitText(ALICE, "Ваши генерации");
    assertThat(history.text()).contains("1. Генерация изображения").contains("✅ готово").contains("50 кредитов")
        .contains("кот в космосе");
    assertThat(history.button("История кредитов").data()).isEqualTo("m:history");
    String resend = history.button("↩️ 1").data();

    api.push(api.press(BOB, history, resend));
    api.await("answercallbackquery", c -> String.valueOf(c.fields().get("text")).contains("устарела"));
    api.push(api.press(ALICE, history, resend));

    api.await("sendphoto", c -> c.chatId() == ALICE && c.text().contains("↩️"));
    assertThat(api.calls("sendphoto").stream().filter(c -> c.chatId() == ALICE)).hasSize(2)
        .allSatisfy(photo -> assertThat(photo.upload("photo")).isEqualTo(BotHarness.PNG));
    assertThat(api.calls("sendphoto").stream().filter(c -> c.chatId() == BOB)).isEmpty();
    api.push(api.textMessage(BOB, "ru", "/history"));
    assertThat(api.awaitText(BOB, "Ваши генерации").text()).contains("Генераций пока нет");
  }

  @Test
  void givenAResultNoLongerStored_resend_saysSo() {
    harness.core.provider.onSubmit((job, key) -> new GenerationProvider.Outcome.Done(new ResultRef("gone-key")));
    harness.start();
    register(ALICE);
    api.push(api.textMessage(ALICE, "ru", "туман"));
    Call quote = api.awaitText(ALICE, "Генерация изображения");
    api.push(api.press(ALICE, quote, quote.button("Подтвердить").data()));
    api.awaitText(ALICE, "Заказ принят");
    harness.runJobs();
    org.awaitility.Awaitility.await().until(() -> harness.core.jobs.ofUserSince(UserId.of(ALICE),
        harness.core.clock.now().minusSeconds(3600), 0, 1).get(0).state() == JobState.SUCCEEDED);

    api.push(api.textMessage(ALICE, "ru", "/history"));
    Call history = api.awaitText(ALICE, "Ваши генерации");
    api.push(api.press(ALICE, history, history.button("↩️ 1").data()));

    api.awaitText(ALICE, "больше не хранится");
  }

  @Test
  void givenTheBotStarts_theCommandMenuIsSetInRussianAndEnglish_withoutAdminCommands() {
    harness.start();

    Call russian = api.await("setmycommands", c -> !c.fields().containsKey("language_code"));
    Call english = api.await("setmycommands", c -> "en".equals(c.fields().get("language_code")));

    assertThat(commands(russian)).extracting(c -> c.get("command")).containsExactlyElementsOf(CommandMenu.COMMANDS)
        .doesNotContain("admin", "stats", "add");
    assertThat(commands(russian)).extracting(c -> c.get("description")).contains("Создать изображение по промпту и референсам");
    assertThat(commands(english)).extracting(c -> c.get("description")).contains("Generation history");
  }

  @Test
  void givenSetMyCommandsFails_theBotStillStartsAndAnswers() {
    api.failNext("setMyCommands", 500, "Internal Server Error", null);
    harness.start();

    register(ALICE);

    assertThat(api.calls("setmycommands")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void helpListsEveryCommandOfTheMenu_inBothLanguages() {
    harness.start();
    api.push(api.textMessage(ALICE, "ru", "/help"));
    Call russian = api.awaitText(ALICE, "Как пользоваться ботом");
    api.push(api.textMessage(BOB, "en", "/help"));
    Call english = api.awaitText(BOB, "How to use the bot");

    for (String command : CommandMenu.COMMANDS) {
      assertThat(russian.text()).contains("/" + command);
      assertThat(english.text()).contains("/" + command);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> commands(Call call) {
    return (List<Map<String, Object>>) call.fields().get("commands");
  }
}
