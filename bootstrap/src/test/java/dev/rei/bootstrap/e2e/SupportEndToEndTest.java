package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.wiring.Role;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * /support end to end: the user's message reaches the admin's chat through the outbox, the admin
 * replies to it there, and the user gets the answer — the real bot against the Bot API emulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportEndToEndTest {

  private static final long ADMIN_ID = 8_800;
  private static final AtomicLong USERS = new AtomicLong(8_800);

  private BotWorld world;
  private EmulatedUser admin;

  @BeforeAll
  void start() throws Exception {
    world = new BotWorld(Map.of("ADMIN_IDS", Long.toString(ADMIN_ID))).start(Role.BOT);
    admin = EmulatedUser.of(ADMIN_ID, "Ada").withUsername("ada_support").withLanguage("en");
    // Telegram lets a bot write only to someone who has written to it first.
    world.register(admin);
  }

  @AfterAll
  void stop() {
    world.close();
  }

  private EmulatedUser registered(String name) {
    EmulatedUser user = EmulatedUser.of(USERS.incrementAndGet(), name).withUsername(name.toLowerCase())
        .withLanguage("en");
    world.register(user);
    return user;
  }

  /** The support message in the admin's chat, once the bot knows whom it is from. */
  private ChatMessage relayedToAdmin(String text) {
    ChatMessage relayed = world.awaitMessage(admin, m -> m.fromBot() && m.visibleText().contains(text));
    ChatStateStore state = world.get(ChatStateStore.class);
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> state.get("support-thread",
        admin.id() + ":" + relayed.messageId(), world.get(Clock.class).now()).isPresent());
    return relayed;
  }

  @Test
  void givenSupportCommandWithText_whenTheAdminReplies_thenTheUserGetsTheAnswer() {
    EmulatedUser user = registered("Uma");

    world.emulator.userSends(user, "/support My video never arrived, order 7");

    world.awaitText(user, "Sent to support. We will answer you here");
    ChatMessage relayed = relayedToAdmin("My video never arrived, order 7");
    assertThat(relayed.visibleText()).contains("To support from " + user.id() + " @uma (Uma), language: en")
        .contains("Reply to this message");

    world.emulator.userReplies(admin, relayed.messageId(), "Found it, it is on its way");

    assertThat(world.awaitText(user, "💬 Support: Found it, it is on its way").fromBot()).isTrue();
    world.awaitText(admin, "The answer was sent to user " + user.id());
  }

  @Test
  void givenTheSupportButton_whenTheUserWritesNext_thenThatMessageGoesToSupport() {
    EmulatedUser user = registered("Ivo");
    ChatMessage welcome = world.awaitText(user, "Welcome to Rei");

    world.press(user, welcome, "🆘 Support");
    ChatMessage ask = world.awaitText(user, "Write your message to support");
    ChatMessage sent = world.emulator.userSends(user, "The bot charged me twice");

    world.awaitTextAfter(user, sent, "Sent to support");
    ChatMessage relayed = relayedToAdmin("The bot charged me twice");
    assertThat(ask.messageId()).isLessThan(sent.messageId());

    world.emulator.userReplies(admin, relayed.messageId(), "Refunded the second charge");

    world.awaitText(user, "💬 Support: Refunded the second charge");
  }
}
