package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.testing.Http;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations watch, end to end: a bot process with no worker, so a placed order stays queued,
 * and the simulated image provider's only key blocked in Redis. The admin's chat gets the backlog
 * alert and the "all keys blocked" alert, rendered by the bot, and {@code /health/providers} is down.
 */
class OperationsAlertsEndToEndTest {

  private static final EmulatedUser ADMIN = EmulatedUser.of(9002, "Admin").withLanguage("en");
  private static final KeyId IMAGE_KEY = new KeyId(ProviderName.of("simulated-image"), 0);

  private BotWorld world;

  @BeforeEach
  void start() throws Exception {
    world = new BotWorld(Map.of(
        "ADMIN_IDS", Long.toString(ADMIN.id()),
        "WELCOME_BONUS", "10",
        "PRICE_IMAGE_1K", "3",
        "OPERATIONS_WATCH_INTERVAL_SECONDS", "5",
        "ALERT_QUEUE_BACKLOG", "1")).start(Role.BOT);
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void givenAQueuedJobWithNoWorker_andEveryImageKeyBlocked_theAdminIsAlertedOfBoth_andProvidersHealthIsDown() {
    world.register(ADMIN);
    EmulatedUser user = EmulatedUser.of(7001, "Mira").withLanguage("en");
    world.register(user);
    world.get(KeyHealthStore.class).block(IMAGE_KEY,
        new KeyBlock(KeyEffect.BLOCK, world.get(Clock.class).now().plus(Duration.ofHours(24))));
    ChatMessage quote = world.quote(user, "A lighthouse at dusk");
    world.emulator.userPressesButton(user, quote.messageId(), "✅ Confirm");

    ChatMessage backlog = world.awaitText(ADMIN, "queue_backlog");
    ChatMessage keys = world.awaitText(ADMIN, "all_keys_blocked");

    assertThat(backlog.visibleText()).startsWith("🚨 Alert: queue_backlog").contains("due: 1");
    assertThat(keys.visibleText()).contains("provider: simulated-image", "keys: 1 (cooling 0, blocked 1)");
    assertThat(world.emulator.messagesTo(user.id())).noneMatch(m -> m.visibleText() != null
        && m.visibleText().contains("Alert"));
    HttpResponse<String> providers = Http.get(world.httpPort(), "/health/providers");
    assertThat(providers.statusCode()).isEqualTo(503);
    assertThat(providers.body()).contains("\"simulated-image\":{\"status\":\"DOWN\",\"keys\":1,\"healthy\":0")
        .contains("\"simulated\":{\"status\":\"UP\"");
  }
}
