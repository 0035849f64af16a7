package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.MediaStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.sandbox.BotCommand;
import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Seed 003's face-preserving path end to end: /refs → two photos → /prompt → /settings 16:9 2K →
 * /generate → the 2K price → confirm → the image; then /history re-sends it. The bot, workers and
 * simulated Gemini against the Bot API emulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefsEndToEndTest {

  private static final Credits BONUS = Credits.of(20);
  private static final Credits PRICE_2K = Credits.of(7);

  private BotWorld world;

  @BeforeAll
  void start() throws Exception {
    world = new BotWorld(Map.of(
        "WELCOME_BONUS", "20",
        "PRICE_IMAGE_1K", "3",
        "PRICE_IMAGE_2K", "7",
        "SIMULATED_DELAY_MILLIS", "200",
        "WORKER_THREADS", "2"))
        .start(Role.BOT, Role.WORKER);
  }

  @AfterAll
  void stop() {
    world.close();
  }

  private List<Job> jobsOf(EmulatedUser user) {
    return world.get(UnitOfWork.class).inTransaction(() ->
        world.get(JobStore.class).ofUserSince(UserId.of(user.id()), Instant.EPOCH, 0, 10));
  }

  @Test
  void givenTwoReferencesAPromptAnd16by9At2K_generate_chargesThe2KPriceOnce_andHistoryResendsTheImage() {
    EmulatedUser user = EmulatedUser.of(7001, "Ann").withLanguage("en");
    world.register(user);

    ChatMessage refs = world.awaitTextAfter(user, world.emulator.userSends(user, "/refs"), "No reference photos yet");
    world.press(user, refs, "➕ Add");
    world.awaitTextAfter(user, refs, "Send photos");
    world.awaitTextAfter(user, world.emulator.userSendsPhoto(user, TestPng.BYTES, null), "Added: 1 of 5");
    ChatMessage second = world.awaitTextAfter(user, world.emulator.userSendsPhoto(user, TestPng.BYTES, null),
        "Added: 2 of 5");
    world.press(user, second, "✅ Done");
    world.awaitTextAfter(user, second, "Reference photos: 2 of 5");
    world.awaitTextAfter(user, world.emulator.userSends(user, "/prompt me on Mars, golden hour"), "Prompt saved");
    ChatMessage settings = world.awaitTextAfter(user, world.emulator.userSends(user, "/settings 16:9 2K"),
        "Settings saved");
    assertThat(settings.visibleText()).contains("Aspect ratio: 16:9").contains("Size: 2K — 7 credits");

    ChatMessage quote = world.awaitTextAfter(user, world.emulator.userSends(user, "/generate"), "Shall we start?");
    assertThat(quote.visibleText()).contains("me on Mars").contains("7 credits").contains("2K · 16:9 · 📎 2 references");
    world.press(user, quote, "✅ Confirm");
    // The user's own reference photos are media too: wait for the bot's.
    world.awaitMessage(user, m -> m.fromBot() && m.media() != null && m.messageId() > quote.messageId());

    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    List<Job> jobs = jobsOf(user);
    assertThat(jobs).hasSize(1);
    Job job = jobs.get(0);
    assertThat(job.kind()).isEqualTo(JobKind.IMAGE_GENERATE);
    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.price()).isEqualTo(PRICE_2K);
    assertThat(job.parameters().values()).containsEntry("aspect_ratio", "16:9").containsEntry("image_size", "2K")
        .containsEntry("prompt", "me on Mars, golden hour");
    List<String> references = List.of(job.parameters().values().get("input_media").split(","));
    assertThat(references).hasSize(2).doesNotHaveDuplicates()
        .allSatisfy(key -> assertThat(world.get(MediaStore.class).get(key)).isPresent());
    assertThat(world.balance(user)).isEqualTo(new UserBalance(BONUS.minus(PRICE_2K), Credits.ZERO,
        BONUS.minus(PRICE_2K)));
    world.assertLedgerClean();

    ChatMessage history = world.awaitTextAfter(user, world.emulator.userSends(user, "/history"), "Your generations");
    assertThat(history.visibleText()).contains("1. Image generation").contains("✅ done").contains("7 credits");
    world.press(user, history, "↩️ 1");
    ChatMessage again = world.awaitMessage(user, m -> m.fromBot() && m.media() != null
        && m.messageId() > history.messageId() && m.visibleText().contains("↩️"));
    assertThat(world.emulator.fileBytes(again.media().fileId())).isNotEmpty();
    assertThat(world.balance(user).available()).isEqualTo(BONUS.minus(PRICE_2K));
  }

  @Test
  void givenTheBotStarted_theCommandMenuIsSetInBothLanguages() {
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> !world.emulator.myCommands("en").isEmpty());

    assertThat(world.emulator.myCommands("")).extracting(BotCommand::command)
        .contains("generate", "prompt", "refs", "clear", "settings", "history", "balance", "topup", "cancel", "help")
        .doesNotContain("admin");
    assertThat(world.emulator.myCommands("")).extracting(BotCommand::description).contains("История генераций");
    assertThat(world.emulator.myCommands("en")).extracting(BotCommand::description).contains("Generation history");
  }
}
