package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.admin.BanUserCommand;
import dev.rei.application.port.in.admin.BanUserUseCase;
import dev.rei.application.port.out.InboundUpdates;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.config.CoreSettings;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.limits.EscalationPolicy;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every usage limit as a user meets it, through the Bot API emulator with the limits in Redis and
 * PostgreSQL: messages 10 a minute, button presses 20, payments 2 (each told when to come back,
 * once per block), a repeat violator blocked for longer, three running orders however many videos
 * each has, the hourly spending cap, and a ban told once. No workers run, so orders stay running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Each scenario is its own user's chat, and mostly waits on that chat's pace: they run side by side.
@Execution(ExecutionMode.CONCURRENT)
class LimitsEndToEndTest {

  private static final long ADMIN_ID = 8_900;
  private static final AtomicLong USERS = new AtomicLong(8_900);
  private static final String LIMITED = "Too many requests";

  private BotWorld world;

  @BeforeAll
  void start() throws Exception {
    world = new BotWorld(Map.ofEntries(
        Map.entry("ADMIN_IDS", Long.toString(ADMIN_ID)),
        Map.entry("WELCOME_BONUS", "1000"),
        Map.entry("PRICE_IMAGE_1K", "10"),
        Map.entry("PRICE_IMAGE_EDIT_1K", "50"),
        Map.entry("PRICE_REELS_VIDEO", "2"),
        Map.entry("MAX_ACTIVE_JOBS_PER_USER", "3"),
        Map.entry("COST_LIMIT_PER_HOUR", "60"),
        Map.entry("RATE_LIMIT_MESSAGES_PER_MINUTE", "10"),
        Map.entry("RATE_LIMIT_BUTTONS_PER_MINUTE", "20"),
        Map.entry("RATE_LIMIT_PAYMENTS_PER_MINUTE", "2")))
        .adjusting(LimitsEndToEndTest::quickFirstBlock)
        .start(Role.BOT);
  }

  /** The first block lasts three seconds instead of a minute, so the test sees the second, longer one. */
  private static ReiConfig quickFirstBlock(ReiConfig config) {
    CoreSettings core = config.core();
    RateLimitPolicy rates = new RateLimitPolicy(core.rateLimits().limits(),
        new EscalationPolicy(List.of(Duration.ofSeconds(3), Duration.ofHours(1)), Duration.ofHours(24)));
    return config.withCore(core.withRateLimits(rates));
  }

  @AfterAll
  void stop() {
    world.close();
  }

  private EmulatedUser registered() {
    EmulatedUser user = EmulatedUser.of(USERS.incrementAndGet(), "Lee").withLanguage("en");
    world.register(user);
    return user;
  }

  private List<ChatMessage> botMessages(EmulatedUser user, Predicate<String> text) {
    return world.emulator.messagesTo(user.id()).stream()
        .filter(m -> m.fromBot() && m.visibleText() != null && text.test(m.visibleText())).toList();
  }

  /** Waits until every update sent so far has been taken from Telegram and handled. */
  private void settle() {
    InboundUpdates inbox = world.get(InboundUpdates.class);
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.emulator.pendingUpdates() == 0
        && world.get(UnitOfWork.class).inTransaction(inbox::pending) == 0);
  }

  @Test
  void givenTenMessagesAMinute_whenFlooded_thenToldOncePerBlock_andARepeatIsBlockedLonger() {
    EmulatedUser user = registered();
    for (int i = 0; i < 9; i++) {
      world.emulator.userSends(user, "/help");
    }
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> botMessages(user, t -> t.contains("How to use")).size() == 9);

    world.emulator.userSends(user, "/help");
    world.emulator.userSends(user, "/help");
    world.emulator.userSends(user, "/help");

    assertThat(world.awaitText(user, LIMITED).visibleText()).contains("try again in 1 minute");
    // Once the three-second block is over the minute is still full: the next message is a second violation.
    Awaitility.await().atMost(BotWorld.WAIT).pollInterval(Duration.ofMillis(700)).until(() -> {
      if (botMessages(user, t -> t.contains("60 minutes")).isEmpty()) {
        world.emulator.userSends(user, "/help");
        return false;
      }
      return true;
    });
    settle();
    assertThat(botMessages(user, t -> t.contains(LIMITED))).extracting(ChatMessage::visibleText)
        .containsExactly("⏳ Too many requests. Please try again in 1 minute.",
            "⏳ Too many requests. Please try again in 60 minutes.");
    assertThat(botMessages(user, t -> t.contains("How to use"))).hasSize(9);
  }

  @Test
  void givenTwentyPressesAMinute_whenTheTwentyFirstComes_thenItsAnswerSaysWhenToComeBack() {
    EmulatedUser user = registered();
    ChatMessage welcome = world.awaitText(user, "Welcome to Rei");
    List<String> queries = new java.util.ArrayList<>();

    for (int i = 0; i < 21; i++) {
      queries.add(world.emulator.userPressesForged(user, welcome.messageId(), "b:forged" + i));
    }

    Awaitility.await().atMost(BotWorld.WAIT).until(() -> queries.stream()
        .allMatch(id -> world.emulator.callbackAnswer(id).isPresent()));
    assertThat(queries.stream().map(id -> world.emulator.callbackAnswer(id).orElseThrow().text()))
        .filteredOn(text -> text != null && text.contains(LIMITED)).hasSize(1);
    assertThat(world.emulator.callbackAnswer(queries.get(20)).orElseThrow().text()).contains("1 minute");
  }

  @Test
  void givenTwoPaymentsAMinute_whenAThirdTopUpIsStarted_thenRefusedWithWhenToComeBack() {
    EmulatedUser user = registered();
    ChatMessage sent = world.emulator.userSends(user, "/topup");
    ChatMessage rails = world.awaitTextAfter(user, sent, "Choose how to pay");
    world.press(user, rails, "💳 Bank card / SBP");
    ChatMessage packages = world.awaitMessage(user, m -> m.fromBot() && m.visibleText().contains("Choose a package"));
    String hundred = packages.buttonTexts().stream().filter(label -> label.startsWith("100 ₽ →")).findFirst()
        .orElseThrow();

    for (int i = 1; i <= 3; i++) {
      world.press(user, packages, hundred);
      if (i < 3) {
        int invoices = i;
        Awaitility.await().atMost(BotWorld.WAIT)
            .until(() -> botMessages(user, t -> t.contains("Invoice for")).size() == invoices);
      }
    }

    assertThat(world.awaitText(user, LIMITED).visibleText()).contains("1 minute");
    settle();
    assertThat(botMessages(user, t -> t.contains("Invoice for"))).hasSize(2);
  }

  @Test
  void givenThreeRunningOrders_oneOfThemFiveReels_whenAFourthIsConfirmed_thenRefusedClearly() {
    EmulatedUser user = registered();
    ChatMessage welcome = world.awaitText(user, "Welcome to Rei");
    world.press(user, welcome, "🎞 Reels");
    world.awaitText(user, "Send a photo of the product");
    ChatMessage photo = world.emulator.userSendsPhoto(user, TestPng.BYTES, null);
    world.awaitTextAfter(user, photo, "Describe the product");
    ChatMessage product = world.emulator.userSends(user, "A pillow for side sleepers");
    world.press(user, world.awaitTextAfter(user, product, "Choose a template"), "🎥 UGC blogger");
    world.awaitTextAfter(user, product, "Any extra wishes?");
    ChatMessage wishes = world.emulator.userSends(user, "-");
    world.press(user, world.awaitTextAfter(user, wishes, "How many videos?"), "5 videos · 10 credits");
    world.press(user, world.awaitTextAfter(user, wishes, "Ready to start?"), "✅ Yes, start");
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).size() == 5);

    for (int i = 1; i <= 3; i++) {
      ChatMessage quote = world.quote(user, "A lighthouse number " + i);
      world.press(user, quote, "✅ Confirm");
      if (i < 3) {
        int jobs = 5 + i;
        Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).size() == jobs);
      }
    }

    assertThat(world.awaitText(user, "You already have the most orders running at once").fromBot()).isTrue();
    settle();
    assertThat(world.liveJobs(user)).hasSize(7);
  }

  @Test
  void givenTheHourlySpendingCap_whenAnOrderWouldPassIt_thenRefusedClearly() {
    EmulatedUser user = registered();
    ChatMessage first = world.emulator.userSendsPhoto(user, TestPng.BYTES, "make the sky pink");
    world.press(user, world.awaitTextAfter(user, first, "Shall we start?"), "✅ Confirm");
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.liveJobs(user).size() == 1);

    ChatMessage second = world.emulator.userSendsPhoto(user, TestPng.BYTES, "make the sea green");
    world.press(user, world.awaitTextAfter(user, second, "Shall we start?"), "✅ Confirm");

    world.awaitText(user, "You have reached the spending limit for this hour");
    settle();
    assertThat(world.liveJobs(user)).hasSize(1);
  }

  @Test
  void givenABannedUser_whenTheyKeepWriting_thenToldOnceAndNothingElseHappens() {
    EmulatedUser user = registered();
    ChatMessage welcome = world.awaitText(user, "Welcome to Rei");
    int before = world.emulator.messagesTo(user.id()).size();

    AdminResult banned = world.get(BanUserUseCase.class)
        .ban(new BanUserCommand(UserId.of(ADMIN_ID), UserId.of(user.id()), "spam"));
    assertThat(banned).isInstanceOf(AdminResult.Done.class);
    world.awaitText(user, "restricted your access");
    world.emulator.userSends(user, "let me in");
    world.emulator.userSends(user, "/start");
    world.emulator.userPressesButton(user, welcome.messageId(), "🖼 Image");
    world.emulator.userSendsPhoto(user, TestPng.BYTES, "edit this");

    settle();
    List<ChatMessage> after = world.emulator.messagesTo(user.id()).stream().skip(before)
        .filter(ChatMessage::fromBot).toList();
    assertThat(after).extracting(ChatMessage::visibleText).singleElement()
        .satisfies(text -> assertThat(text).contains("restricted"));
    assertThat(world.liveJobs(user)).isEmpty();
  }
}
