package dev.rei.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.persistence.redis.EmbeddedRedisServer;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.sandbox.BotApiEmulator;
import dev.rei.bootstrap.sandbox.ChatMessage;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.sandbox.EmulatorSettings;
import dev.rei.bootstrap.testing.TestConfigs;
import dev.rei.bootstrap.testing.TestServers;
import dev.rei.bootstrap.wiring.AdapterModules;
import dev.rei.bootstrap.wiring.ReiProcess;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.job.Job;
import dev.rei.domain.ledger.LedgerAudit;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The whole bot as it ships — the jar's code, the Telegram adapter, simulated providers, embedded
 * PostgreSQL and Redis — talking to the Bot API emulator. Processes can be stopped and started
 * again on the same database, as an operator would.
 */
final class BotWorld implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final String TOKEN = TestConfigs.FAKE_BOT_TOKEN;

  final BotApiEmulator emulator;
  private final EmbeddedRedisServer redis;
  private final Map<String, String> variables = new HashMap<>();
  private ReiProcess process;

  BotWorld(Map<String, String> settings) throws Exception {
    emulator = BotApiEmulator.started(EmulatorSettings.forToken(TOKEN));
    redis = EmbeddedRedisServer.start();
    Path dataDir = Files.createTempDirectory("rei-e2e");
    variables.putAll(Map.of(
        "BOT_TOKEN", TOKEN,
        "TELEGRAM_API_URL", emulator.baseUrl(),
        "DATABASE_URL", TestServers.newDatabaseUrl(),
        "REDIS_URL", redis.url(),
        "HTTP_PORT", "0",
        "DATA_DIR", dataDir.toString(),
        "REI_SIMULATED", "true"));
    variables.putAll(settings);
  }

  /** Starts a process with {@code roles} (a bot, workers, or both) on the world's database. */
  BotWorld start(Role... roles) {
    ReiConfig config = TestConfigs.load(variables);
    process = ReiProcess.start(config, Set.of(roles), AdapterModules.forConfig(config));
    return this;
  }

  /** Stops the running process as SIGTERM would. */
  void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  int httpPort() {
    return process.httpPort();
  }

  <T> T get(Class<T> type) {
    return process.injector().getInstance(type);
  }

  UserBalance balance(EmulatedUser user) {
    return get(GetBalanceUseCase.class).balance(UserId.of(user.id()));
  }

  List<Job> liveJobs(EmulatedUser user) {
    return get(UnitOfWork.class).inTransaction(() -> get(JobStore.class).liveOf(UserId.of(user.id())));
  }

  /** Every ledger invariant over what is stored: expected to find nothing. */
  void assertLedgerClean() {
    LedgerStore ledger = get(LedgerStore.class);
    assertThat(get(UnitOfWork.class).inTransaction(() -> LedgerAudit.check(ledger.balances(), ledger.transfers())))
        .isEmpty();
  }

  ChatMessage awaitMessage(EmulatedUser user, Predicate<ChatMessage> what) {
    return emulator.awaitMessageTo(user.id(), what, WAIT);
  }

  ChatMessage awaitText(EmulatedUser user, String part) {
    return awaitMessage(user, m -> m.visibleText() != null && m.visibleText().contains(part));
  }

  /** /start, answered with the welcome. */
  ChatMessage register(EmulatedUser user) {
    emulator.userSends(user, "/start");
    return awaitText(user, "Welcome to Rei");
  }

  /** Sends {@code prompt} and returns the quote the bot answers with. */
  ChatMessage quote(EmulatedUser user, String prompt) {
    ChatMessage sent = emulator.userSends(user, prompt);
    return emulator.awaitMessageTo(user.id(), m -> m.messageId() > sent.messageId() && m.visibleText() != null
        && (m.visibleText().contains("Shall we start?") || m.visibleText().contains("Not enough credits")), WAIT);
  }

  ChatMessage awaitPhoto(EmulatedUser user) {
    return awaitMessage(user, m -> m.media() != null);
  }

  @Override
  public void close() {
    stop();
    emulator.close();
    redis.close();
  }
}
