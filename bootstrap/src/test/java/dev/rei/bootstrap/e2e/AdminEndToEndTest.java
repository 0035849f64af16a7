package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.InboundUpdates;
import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.sandbox.Media;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.ledger.Credits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The admin console end to end: ADMIN_IDS, the real wiring, PostgreSQL and Redis, through the Bot API emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminEndToEndTest {

  private static final AtomicLong USERS = new AtomicLong(7100);
  private static final EmulatedUser ADMIN = EmulatedUser.of(7001, "Olga").withLanguage("en");

  private BotWorld world;

  @BeforeAll
  void start() throws Exception {
    world = new BotWorld(Map.of(
        "ADMIN_IDS", Long.toString(ADMIN.id()),
        "WELCOME_BONUS", "10",
        "PRICE_IMAGE_1K", "3",
        "SIMULATED_DELAY_MILLIS", "200",
        "WORKER_THREADS", "1"))
        .start(Role.BOT, Role.WORKER);
    world.register(ADMIN);
  }

  @AfterAll
  void stop() {
    world.close();
  }

  private EmulatedUser registered() {
    EmulatedUser user = EmulatedUser.of(USERS.incrementAndGet(), "Ann").withLanguage("en")
        .withUsername("ann_" + USERS.get());
    world.register(user);
    return user;
  }

  /** The admin's command and the bot's first answer to it. */
  private ChatMessage admin(String command, String answerPart) {
    return world.awaitTextAfter(ADMIN, world.emulator.userSends(ADMIN, command), answerPart);
  }

  private long bannedNotices(EmulatedUser user) {
    return world.emulator.messagesTo(user.id()).stream()
        .filter(m -> m.visibleText() != null && m.visibleText().contains("restricted your access")).count();
  }

  @Test
  void givenAdminAdd_byUsername_theUsersBalanceAndHistoryShowTheAdjustmentWithItsReason() {
    EmulatedUser user = registered();

    admin("/add @" + user.username() + " 25 thanks for the bug report", "25 credits given to user " + user.id());

    world.awaitText(user, "An administrator added 25 credits");
    assertThat(world.balance(user).available()).isEqualTo(Credits.of(35));
    // /history opens the generations; its 📜 button leads to the credit history.
    ChatMessage generations = world.awaitTextAfter(user, world.emulator.userSends(user, "/history"), "generations");
    world.press(user, generations, "📜 Credit history");
    ChatMessage history = world.awaitMessage(user, m -> m.visibleText() != null && m.visibleText().contains("History")
        && m.buttonTexts().stream().anyMatch(label -> label.contains("Adjustment")));
    String entry = history.buttonTexts().stream().filter(label -> label.contains("Adjustment")).findFirst()
        .orElseThrow(() -> new AssertionError("no adjustment in " + history.buttonTexts()));
    assertThat(entry).startsWith("+25");
    world.press(user, history, entry);
    world.awaitMessage(user, m -> m.messageId() == history.messageId() && m.visibleText() != null
        && m.visibleText().contains("thanks for the bug report"));
    world.assertLedgerClean();
  }

  @Test
  void givenBan_theUserIsToldOnce_andGetsNothingDone_untilUnbanned() {
    EmulatedUser user = registered();

    admin("/ban " + user.id() + " spam", "banned");
    world.awaitText(user, "restricted your access");
    world.emulator.userSends(user, "a red fox");
    world.emulator.userSends(user, "/account");
    ChatMessage last = world.emulator.userSends(user, "another fox");
    // The admin's command was sent after the user's three updates, so once it is answered they are in the inbox
    // too; once the inbox is empty they were handled, and nothing for the user may have been ordered or said.
    admin("/user " + user.id(), "Banned: since");
    Awaitility.await().atMost(BotWorld.WAIT).until(() -> world.get(InboundUpdates.class).pending() == 0);
    assertThat(bannedNotices(user)).as("%s", world.emulator.chatHistory(user.id())).isEqualTo(1);
    assertThat(world.liveJobs(user)).isEmpty();
    assertThat(world.emulator.messagesTo(user.id()).stream().filter(m -> m.messageId() > last.messageId())).isEmpty();

    admin("/unban @" + user.username(), "unbanned");
    world.awaitText(user, "access to the bot is restored");
    ChatMessage quote = world.quote(user, "a blue fox");
    assertThat(quote.visibleText()).contains("Shall we start?");
  }

  @Test
  void givenStats_theAdminGetsTheFiguresAndAPngChart() throws Exception {
    registered();

    admin("/stats", "Stats as of");

    ChatMessage photo = world.awaitMessage(ADMIN, m -> m.media() != null && m.media().kind() == Media.Kind.PHOTO);
    BufferedImage chart = ImageIO.read(new ByteArrayInputStream(world.emulator.fileBytes(photo.media().fileId())));
    assertThat(chart.getWidth()).isEqualTo(900);
    assertThat(photo.visibleText()).contains("last 14 days");
  }
}
