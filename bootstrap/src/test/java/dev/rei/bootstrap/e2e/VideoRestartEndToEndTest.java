package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A video job waiting on its provider survives a restart: the next process polls the same task and delivers once. */
class VideoRestartEndToEndTest {

  private static final Credits BONUS = Credits.of(100);
  private static final Credits PRICE = Credits.of(20);

  private BotWorld world;

  @BeforeEach
  void newWorld() throws Exception {
    world = new BotWorld(Map.of(
        "WELCOME_BONUS", "100",
        "PRICE_VIDEO_5S", "20",
        // Long enough for the process to stop and start again while the simulated provider still
        // works on the video, even on a slow machine (see RestartEndToEndTest).
        "SIMULATED_VIDEO_DELAY_MILLIS", "12000",
        "WORKER_IDLE_POLL_SECONDS", "1",
        "WORKER_THREADS", "1"));
  }

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void givenTheProcessStoppedWhileAwaitingTheProvider_theNextProcessPollsTheSameTask_andDeliversOnce() {
    world.start(Role.BOT, Role.WORKER);
    EmulatedUser user = EmulatedUser.of(8101, "Rita").withLanguage("en");
    ChatMessage welcome = world.register(user);
    world.press(user, welcome, "🎬 Video");
    world.press(user, world.awaitText(user, "Choose a model"), "Kling 3.0");
    world.press(user, world.awaitText(user, "Choose the length"), "5 s — 20 credits");
    world.awaitText(user, "Send:");
    ChatMessage sent = world.emulator.userSends(user, "waves rolling onto a beach across a restart");
    ChatMessage quote = world.emulator.awaitMessageTo(user.id(), m -> m.messageId() > sent.messageId()
        && m.visibleText().contains("Video from text"), BotWorld.WAIT);
    world.press(user, quote, "✅ Confirm");
    Job awaiting = Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).stream()
        .filter(job -> job.state() == JobState.AWAITING_PROVIDER).findFirst(), java.util.Optional::isPresent)
        .orElseThrow();

    world.stop();
    assertThat(world.videosTo(user)).isEmpty();
    world.start(Role.BOT, Role.WORKER);

    world.awaitVideo(user);
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    Job done = world.job(awaiting.id());
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    // Polled, not submitted again: the same provider task, still the first attempt.
    assertThat(done.providerTask()).isEqualTo(awaiting.providerTask());
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(world.balance(user)).isEqualTo(new UserBalance(BONUS.minus(PRICE), Credits.ZERO, BONUS.minus(PRICE)));
    assertThat(world.videosTo(user)).hasSize(1);
    world.assertLedgerClean();
  }
}
