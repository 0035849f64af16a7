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
import dev.rei.bootstrap.sandbox.Media;
import dev.rei.bootstrap.testing.TestConfigs;
import dev.rei.bootstrap.testing.TestServers;
import dev.rei.bootstrap.wiring.AdapterModules;
import dev.rei.bootstrap.wiring.ReiProcess;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.ledger.LedgerAudit;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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
  private UnaryOperator<ReiConfig> adjustment = UnaryOperator.identity();
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

  /**
   * Changes what the environment cannot set before each start — such as shorter retry delays, so a
   * test need not wait out the minute a rate limit costs in production.
   */
  BotWorld adjusting(UnaryOperator<ReiConfig> change) {
    adjustment = change;
    return this;
  }

  /** Starts a process with {@code roles} (a bot, workers, or both) on the world's database. */
  BotWorld start(Role... roles) {
    ReiConfig config = adjustment.apply(TestConfigs.load(variables));
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

  /** The job as stored now, live or finished. */
  Job job(JobId id) {
    return get(UnitOfWork.class).inTransaction(() -> get(JobStore.class).find(id)).orElseThrow();
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

  /** The first video the bot sent the user. */
  ChatMessage awaitVideo(EmulatedUser user) {
    return awaitMessage(user, m -> m.media() != null && m.media().kind() == Media.Kind.VIDEO);
  }

  /** The videos the bot has sent the user so far. */
  List<ChatMessage> videosTo(EmulatedUser user) {
    return emulator.messagesTo(user.id()).stream()
        .filter(m -> m.media() != null && m.media().kind() == Media.Kind.VIDEO).toList();
  }

  /** The first bot message after {@code after} that contains {@code part}. */
  ChatMessage awaitTextAfter(EmulatedUser user, ChatMessage after, String part) {
    return emulator.awaitMessageTo(user.id(), m -> m.fromBot() && m.messageId() > after.messageId()
        && m.visibleText().contains(part), WAIT);
  }

  /** /video, {@code model}, the length button {@code lengthLabel}, then {@code prompt}: the quote the bot answers with. */
  ChatMessage videoQuote(EmulatedUser user, String model, String lengthLabel, String prompt) {
    ChatMessage models = awaitTextAfter(user, emulator.userSends(user, "/video"), "Choose a model");
    press(user, models, model);
    ChatMessage lengths = awaitMessage(user, m -> m.messageId() == models.messageId()
        && m.visibleText().contains("Choose the length"));
    press(user, lengths, lengthLabel);
    awaitMessage(user, m -> m.messageId() == models.messageId() && m.visibleText().contains("Send:"));
    return awaitTextAfter(user, emulator.userSends(user, prompt), "Video from text");
  }

  /**
   * {@code steps} for each user at once, each on its own thread, as many people use the bot at the
   * same time (and each chat is paced on its own); the answers in the order of {@code users}.
   */
  <T> List<T> inParallel(List<EmulatedUser> users, Function<EmulatedUser, T> steps) {
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (EmulatedUser user : users) {
        futures.add(pool.submit(() -> steps.apply(user)));
      }
      List<T> answers = new ArrayList<>();
      for (Future<T> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The user presses the button labelled {@code label} under {@code message}. */
  void press(EmulatedUser user, ChatMessage message, String label) {
    emulator.userPressesButton(user, message.messageId(), label);
  }

  @Override
  public void close() {
    stop();
    emulator.close();
    redis.close();
  }
}
