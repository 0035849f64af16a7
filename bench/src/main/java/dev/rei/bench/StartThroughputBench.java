package dev.rei.bench;

import dev.rei.adapters.persistence.postgres.EmbeddedPostgresServer;
import dev.rei.adapters.persistence.redis.EmbeddedRedisServer;
import dev.rei.bootstrap.config.ConfigLoader;
import dev.rei.bootstrap.config.ConfigResult;
import dev.rei.bootstrap.config.Environment;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.sandbox.BotApiEmulator;
import dev.rei.bootstrap.sandbox.EmulatedUser;
import dev.rei.bootstrap.sandbox.EmulatorSettings;
import dev.rei.bootstrap.sandbox.FloodLimits;
import dev.rei.bootstrap.wiring.AdapterModules;
import dev.rei.bootstrap.wiring.ReiProcess;
import dev.rei.bootstrap.wiring.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

/**
 * End-to-end throughput of {@code /start} through the Bot API emulator: N new users each send
 * {@code /start} at once; the figure is updates answered per second, from the first send to the
 * last welcome. The bot paces itself to Telegram's limits (30 messages/s overall, 1/s per chat),
 * which caps the figure by design; the emulator's own limits are off so it measures the bot.
 * Usage: {@code bench/run-start [users]}; writes {@code bench/results/start-*.json}.
 */
public final class StartThroughputBench {

  private static final String TOKEN = "7012345678:AABenchTokenForTheEmulator_abcdefghij";

  private StartThroughputBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Results results = new Results();
    results.put("users", users);
    Path dataDir = Files.createTempDirectory("rei-start-bench");
    try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.ephemeral();
         EmbeddedRedisServer redis = EmbeddedRedisServer.start();
         BotApiEmulator emulator = BotApiEmulator.started(EmulatorSettings.forToken(TOKEN)
             .withFloodLimits(FloodLimits.off()))) {
      postgres.createDatabaseIfAbsent("rei");
      ConfigResult loaded = ConfigLoader.load(Environment.of(Map.of(
          "BOT_TOKEN", TOKEN,
          "TELEGRAM_API_URL", emulator.baseUrl(),
          "DATABASE_URL", postgres.jdbcUrl("rei"),
          "REDIS_URL", redis.url(),
          "HTTP_PORT", "0",
          "DATA_DIR", dataDir.toString(),
          "REI_SIMULATED", "true")));
      if (!(loaded instanceof ConfigResult.Valid valid)) {
        throw new IllegalStateException("bench configuration invalid: " + loaded);
      }
      ReiConfig config = valid.config();
      ReiProcess process = ReiProcess.start(config, EnumSet.of(Role.BOT), AdapterModules.forConfig(config));
      try {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        for (int i = 1; i <= users; i++) {
          emulator.userSends(EmulatedUser.of(100_000 + i, "U" + i).withLanguage("en"), "/start");
        }
        for (int i = 1; i <= users; i++) {
          emulator.awaitMessageTo(100_000 + i, m -> m.visibleText() != null && m.visibleText().contains("Welcome"),
              java.time.Duration.ofMinutes(5));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        results.put("measured_from", started.toString());
        results.put("seconds", seconds);
        results.put("start_updates_answered_per_s", users / seconds);
        results.put("bot_messages_sent", emulator.callsOf("sendMessage").size());
        results.put("bot_pacing", "30 messages/s overall, 1/s per chat (Telegram's limits), emulator limits off");
      } finally {
        process.stop();
      }
    }
    Path file = results.write(Path.of("bench", "results"), "start-" + Instant.now().toString().replace(':', '-'));
    System.out.println("written to " + file);
  }
}
