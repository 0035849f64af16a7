package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orders survive the process: cancelled while queued, or finished by the next process after a stop mid-job. */
class RestartEndToEndTest {

  private static final Credits BONUS = Credits.of(10);
  private static final Credits PRICE = Credits.of(3);

  private BotWorld world;

  @BeforeEach
  void newWorld() throws Exception {
    world = new BotWorld(Map.of(
        "WELCOME_BONUS", "10",
        "PRICE_IMAGE_1K", "3",
        // Long enough for the job to be caught mid-generation and for the process to stop and start
        // again while the (simulated) provider is still working: a slow CI machine took over 4 s.
        "SIMULATED_DELAY_MILLIS", "12000",
        "WORKER_THREADS", "1"));
  }

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void givenAQueuedOrder_cancel_returnsTheCredits_andNothingIsGenerated() {
    // A bot without workers: the job stays queued.
    world.start(Role.BOT);
    EmulatedUser user = EmulatedUser.of(7001, "Cat").withLanguage("en");
    world.register(user);
    ChatMessage quote = world.quote(user, "a queued picture");
    world.emulator.userPressesButton(user, quote.messageId(), "✅ Confirm");
    ChatMessage status = world.awaitMessage(user, m -> m.buttonTexts().contains("❌ Cancel order"));
    assertThat(world.liveJobs(user)).singleElement().satisfies(job -> assertThat(job.state()).isEqualTo(JobState.QUEUED));
    assertThat(world.balance(user).held()).isEqualTo(PRICE);

    world.emulator.userPressesButton(user, status.messageId(), "❌ Cancel order");

    world.awaitText(user, "Order cancelled");
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    assertThat(world.balance(user)).isEqualTo(new UserBalance(BONUS, Credits.ZERO, BONUS));
    assertThat(world.emulator.messagesTo(user.id())).noneMatch(m -> m.media() != null);
    world.assertLedgerClean();
  }

  @Test
  void givenTheProcessStoppedMidJob_theNextProcessFinishesIt_andChargesOnce() {
    world.start(Role.BOT, Role.WORKER);
    EmulatedUser user = EmulatedUser.of(7002, "Dog").withLanguage("en");
    world.register(user);
    ChatMessage quote = world.quote(user, "a picture across a restart");
    world.emulator.userPressesButton(user, quote.messageId(), "✅ Confirm");
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).stream()
        .anyMatch(job -> job.state() == JobState.AWAITING_PROVIDER));

    world.stop();
    assertThat(world.emulator.messagesTo(user.id())).noneMatch(m -> m.media() != null);
    world.start(Role.BOT, Role.WORKER);

    world.awaitPhoto(user);
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).isEmpty());
    assertThat(world.balance(user)).isEqualTo(new UserBalance(BONUS.minus(PRICE), Credits.ZERO, BONUS.minus(PRICE)));
    assertThat(world.emulator.messagesTo(user.id())).filteredOn(m -> m.media() != null).hasSize(1);
    world.assertLedgerClean();
  }
}
