package dev.rei.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every setting of a Rei process, read and checked once at start-up. */
public record ReiConfig(
    BotSettings bot,
    DatabaseSettings database,
    RedisSettings redis,
    HttpSettings http,
    Path dataDir,
    LogSettings log,
    CoreSettings core,
    WorkerSettings workers,
    ProviderSettings providers,
    PaymentSettings payments) {

  public ReiConfig {
    Objects.requireNonNull(bot, "bot");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(workers, "workers");
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(payments, "payments");
  }

  /** Every secret value configured, for the log masking. */
  public List<String> secretValues() {
    List<Secret> secrets = new ArrayList<>();
    bot.token().ifPresent(secrets::add);
    database.external().flatMap(JdbcTarget::password).ifPresent(secrets::add);
    redis.url().ifPresent(secrets::add);
    redisPassword().ifPresent(secrets::add);
    secrets.addAll(providers.gemini().keys());
    providers.kling().keys().forEach(pair -> {
      secrets.add(pair.accessKey());
      secrets.add(pair.secretKey());
    });
    secrets.addAll(providers.reels().kieKeys());
    secrets.addAll(providers.reels().openAiKeys());
    payments.yookassa().ifPresent(y -> {
      secrets.add(y.secretKey());
      secrets.add(y.webhookSecret());
    });
    payments.heleket().ifPresent(h -> secrets.add(h.apiKey()));
    http.publicLinks().map(HttpSettings.PublicLinks::secret).ifPresent(secrets::add);
    return secrets.stream().map(Secret::reveal).toList();
  }

  private Optional<Secret> redisPassword() {
    return redis.url().flatMap(url -> {
      try {
        String userInfo = URI.create(url.reveal()).getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
          return Optional.empty();
        }
        int colon = userInfo.indexOf(':');
        String password = colon < 0 ? userInfo : userInfo.substring(colon + 1);
        return password.isEmpty() ? Optional.empty() : Optional.of(Secret.of(password));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
  }

  /**
   * This configuration talking to another Bot API server with another token, all providers and
   * rails simulated, on embedded servers under {@code DATA_DIR/sandbox}: what the sandbox runs with
   * its emulator.
   */
  public ReiConfig forSandbox(Secret token, URI apiUrl) {
    // Never the real database or Redis: sandbox users, credits and jobs stay in DATA_DIR/sandbox.
    return new ReiConfig(new BotSettings(Optional.of(token), apiUrl, bot.adminIds(), bot.maxReferencePhotos(),
        bot.supportChatId()),
        new DatabaseSettings(Optional.empty(), database.poolSize()), new RedisSettings(Optional.empty(), redis.namespace()),
        http, dataDir.resolve("sandbox"), log, core, workers,
        providers.simulatedOnly(), payments);
  }

  /** This configuration with {@code core} in place of its core settings. */
  public ReiConfig withCore(CoreSettings core) {
    return new ReiConfig(bot, database, redis, http, dataDir, log, core, workers, providers, payments);
  }

  /** This configuration with {@code http} in place of its HTTP settings. */
  public ReiConfig withHttp(HttpSettings http) {
    return new ReiConfig(bot, database, redis, http, dataDir, log, core, workers, providers, payments);
  }

  /** This configuration with its files under {@code dataDir}. */
  public ReiConfig withDataDir(Path dataDir) {
    return new ReiConfig(bot, database, redis, http, dataDir, log, core, workers, providers, payments);
  }

  /** Settings a process that runs jobs needs on top of the rest: a key when providers are real. */
  public List<ConfigProblem> problemsForWorkers() {
    if (!providers.simulated() && providers.gemini().keys().isEmpty()) {
      return List.of(new ConfigProblem(ConfigLoader.GEMINI_API_KEY,
          "required to generate images unless REI_SIMULATED=true (also GEMINI_API_KEY_1, _2… for a key pool)"));
    }
    return List.of();
  }

  /** A few lines that say what this process runs with, secrets masked, for the start-up log. */
  public List<String> summary() {
    return List.of(
        "bot token " + bot.token().map(Secret::toString).orElse("not set") + ", Bot API " + bot.apiUrl()
            + ", " + bot.adminIds().size() + " admin(s)",
        "database " + database.external().map(t -> t.jdbcUrl() + " as " + t.user()).orElse("embedded")
            + ", pool " + database.poolSize(),
        "redis " + redis.url().map(u -> RedisSettings.redact(u.reveal())).orElse("embedded"),
        "http " + http.host() + ":" + http.port() + ", data dir " + dataDir.toAbsolutePath().normalize(),
        "providers " + (providers.simulated() ? "simulated" : "real, gemini model " + providers.gemini().model()
            + " with " + providers.gemini().keys().size() + " key(s)"),
        "workers " + workers.threads() + ", welcome bonus " + core.welcomeBonus() + " credit(s), max "
            + core.orderLimits().maxActiveOrders() + " active orders per user");
  }

  /** This configuration with {@code adminIds} as the operators (ADMIN_IDS). */
  public ReiConfig withAdminIds(java.util.Set<Long> adminIds) {
    return new ReiConfig(new BotSettings(bot.token(), bot.apiUrl(), adminIds, bot.maxReferencePhotos(),
        bot.supportChatId()), database, redis, http, dataDir, log, core, workers, providers, payments);
  }
}
