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
 * /support end to end: the user's message reaches the support group (SUPPORT_CHAT_ID) through the
 * outbox, an admin replies to it there, and the user gets the answer — the real bot against the Bot
 * API emulator. A reply by someone who is not an admin is not relayed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportEndToEndTest {

  private static final long ADMIN_ID = 8_800;
  private static final long SUPPORT_CHAT = -1_009_000;
  private static final AtomicLong USERS = new AtomicLong(8_800);

  private BotWorld world;
  private EmulatedUser admin;

  @BeforeAll
  void start() throws Exception {
    world = new BotWorld(Map.of("ADMIN_IDS", Long.toString(ADMIN_ID), "SUPPORT_CHAT_ID", Long.toString(SUPPORT_CHAT)))
        .start(Role.BOT);
    admin = EmulatedUser.of(ADMIN_ID, "Ada").withUsername("ada_support").withLanguage("en");
    world.register(admin);
    world.emulator.addBotToGroup(SUPPORT_CHAT, admin);
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

  /** The support message in the support group, once the bot knows whom it is from. */
  private ChatMessage relayedToSupport(String text) {
    ChatMessage relayed = world.emulator.awaitMessageTo(SUPPORT_CHAT,
        m -> m.fromBot() && m.visibleText().contains(text), BotWorld.WAIT);
    ChatStateStore state = world.get(ChatStateStore.class);
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> state.get("support-thread",
        SUPPORT_CHAT + ":" + relayed.messageId(), world.get(Clock.class).now()).isPresent());
    return relayed;
  }

  private ChatMessage awaitInSupport(String text) {
    return world.emulator.awaitMessageTo(SUPPORT_CHAT, m -> m.fromBot() && m.visibleText().contains(text),
        BotWorld.WAIT);
  }

  @Test
  void givenSupportCommandWithText_whenTheAdminReplies_thenTheUserGetsTheAnswer() {
    EmulatedUser user = registered("Uma");

    world.emulator.userSends(user, "/support My video never arrived, order 7");

    world.awaitText(user, "Sent to support. We will answer you here");
    ChatMessage relayed = relayedToSupport("My video never arrived, order 7");
    // The group has no language of its own: Russian, the default.
    assertThat(relayed.visibleText()).contains("В поддержку от " + user.id() + " @uma (Uma), язык: en")
        .contains("Ответьте на это сообщение");
    assertThat(world.emulator.messagesTo(admin.id())).noneMatch(m -> m.visibleText().contains("never arrived"));

    world.emulator.userRepliesInGroup(admin, SUPPORT_CHAT, relayed.messageId(), "Found it, it is on its way");

    assertThat(world.awaitText(user, "💬 Support: Found it, it is on its way").fromBot()).isTrue();
    awaitInSupport("The answer was sent to user " + user.id());
  }

  @Test
  void givenTheSupportButton_whenTheUserWritesNext_thenThatMessageGoesToSupport() {
    EmulatedUser user = registered("Ivo");
    ChatMessage welcome = world.awaitText(user, "Welcome to Rei");

    world.press(user, welcome, "🆘 Support");
    ChatMessage ask = world.awaitText(user, "Write your message to support");
    ChatMessage sent = world.emulator.userSends(user, "The bot charged me twice");

    world.awaitTextAfter(user, sent, "Sent to support");
    ChatMessage relayed = relayedToSupport("The bot charged me twice");
    assertThat(ask.messageId()).isLessThan(sent.messageId());

    world.emulator.userRepliesInGroup(admin, SUPPORT_CHAT, relayed.messageId(), "Refunded the second charge");

    world.awaitText(user, "💬 Support: Refunded the second charge");
  }

  @Test
  void givenAMemberWhoIsNoAdmin_whenTheyReplyInTheSupportGroup_thenNothingReachesTheUser() {
    EmulatedUser user = registered("Ola");
    EmulatedUser stranger = EmulatedUser.of(USERS.incrementAndGet(), "Sid").withLanguage("en");
    world.emulator.userSends(user, "/support Where is my photo?");
    ChatMessage relayed = relayedToSupport("Where is my photo?");

    world.emulator.userRepliesInGroup(stranger, SUPPORT_CHAT, relayed.messageId(), "Send me your password");
    world.emulator.userRepliesInGroup(admin, SUPPORT_CHAT, relayed.messageId(), "We are looking into it");

    world.awaitText(user, "💬 Support: We are looking into it");
    assertThat(world.emulator.messagesTo(user.id())).noneMatch(m -> m.visibleText().contains("password"));
    assertThat(world.emulator.messagesTo(SUPPORT_CHAT)).filteredOn(ChatMessage::fromBot)
        .filteredOn(m -> m.visibleText().contains("was sent to user " + user.id() + ".")).hasSize(1);
  }
}
