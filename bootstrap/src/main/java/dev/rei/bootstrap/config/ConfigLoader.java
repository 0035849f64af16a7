package dev.rei.bootstrap.config;

import dev.rei.adapters.payments.BreakerSettings;
import dev.rei.adapters.payments.heleket.HeleketSettings;
import dev.rei.adapters.payments.yookassa.YooKassaSettings;
import dev.rei.adapters.telegram.TelegramSettings;
import dev.rei.adapters.providers.kling.KlingModel;
import dev.rei.adapters.providers.kling.KlingSettings;
import dev.rei.application.service.admin.OperationsThresholds;
import dev.rei.application.service.job.JobTimings;
import dev.rei.application.service.payment.ReconcilePaymentsService;
import dev.rei.domain.job.RetryPolicy;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.EscalationPolicy;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.limits.RateLimit;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.pricing.ImageSize;
import dev.rei.domain.pricing.Multiplier;
import dev.rei.domain.pricing.PriceList;
import dev.rei.domain.pricing.TopUpCatalog;
import dev.rei.domain.pricing.VideoModel;
import dev.rei.domain.provider.KeyPoolPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads every setting of {@link ReiConfig} from an {@link Environment}, with the defaults that
 * {@code .env.example} documents. Problems are collected, not thrown: start-up prints them all.
 */
public final class ConfigLoader {

  public static final String BOT_TOKEN = "BOT_TOKEN";
  public static final String TELEGRAM_API_URL = "TELEGRAM_API_URL";
  public static final String ADMIN_IDS = "ADMIN_IDS";
  public static final String SUPPORT_CHAT_ID = "SUPPORT_CHAT_ID";
  public static final String DATABASE_URL = "DATABASE_URL";
  public static final String DATABASE_USER = "DATABASE_USER";
  public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";
  public static final String DATABASE_POOL_SIZE = "DATABASE_POOL_SIZE";
  public static final String REDIS_URL = "REDIS_URL";
  public static final String REDIS_NAMESPACE = "REDIS_NAMESPACE";
  public static final String HTTP_HOST = "HTTP_HOST";
  public static final String HTTP_PORT = "HTTP_PORT";
  public static final String PUBLIC_BASE_URL = "PUBLIC_BASE_URL";
  public static final String MEDIA_LINK_SECRET = "MEDIA_LINK_SECRET";
  public static final String DATA_DIR = "DATA_DIR";
  public static final String LOG_FORMAT = "LOG_FORMAT";
  public static final String LOG_LEVEL = "LOG_LEVEL";
  public static final String REI_SIMULATED = "REI_SIMULATED";
  public static final String SIMULATED_DELAY_MILLIS = "SIMULATED_DELAY_MILLIS";
  public static final String GEMINI_API_KEY = "GEMINI_API_KEY";
  public static final String GEMINI_MODEL = "GEMINI_MODEL";
  public static final String GEMINI_API_URL = "GEMINI_API_URL";
  public static final String WELCOME_BONUS = "WELCOME_BONUS";
  public static final String MAX_ACTIVE_JOBS_PER_USER = "MAX_ACTIVE_JOBS_PER_USER";
  public static final String COST_LIMIT_PER_HOUR = "COST_LIMIT_PER_HOUR";
  public static final String WORKER_THREADS = "WORKER_THREADS";
  public static final String MAX_REFERENCE_PHOTOS = "MAX_REFERENCE_PHOTOS";

  private static final Pattern BOT_TOKEN_SHAPE = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{30,}");
  private static final Pattern REDIS_NAMESPACE_SHAPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final int MAX_CREDITS = 1_000_000;

  private ConfigLoader() {}

  /** The configuration of this process: its environment over {@code ./.env}. */
  public static ConfigResult loadFromSystem() {
    return load(Environment.fromSystem());
  }

  public static ConfigResult load(Environment environment) {
    SettingsReader read = new SettingsReader(environment);
    BotSettings bot = bot(read);
    DatabaseSettings database = database(read);
    RedisSettings redis = redis(read);
    HttpSettings http = new HttpSettings(read.text(HTTP_HOST, "0.0.0.0"), read.integer(HTTP_PORT, 8080, 0, 65_535),
        publicLinks(read));
    var dataDir = read.path(DATA_DIR, "./data");
    LogSettings log = new LogSettings(read.choice(LOG_FORMAT, LogFormat.class, LogFormat.TEXT),
        read.choice(LOG_LEVEL, LogSettings.LogLevel.class, LogSettings.LogLevel.INFO));
    CoreSettings core = core(read);
    WorkerSettings workers = workers(read);
    ProviderSettings providers = providers(read);
    PaymentSettings payments = payments(read, http);
    if (!read.problems().isEmpty() || core == null) {
      return new ConfigResult.Invalid(read.problems(), read.namesRead());
    }
    return new ConfigResult.Valid(new ReiConfig(bot, database, redis, http, dataDir, log, core, workers, providers,
        payments),
        read.namesRead());
  }

  private static Optional<HttpSettings.PublicLinks> publicLinks(SettingsReader read) {
    Optional<String> base = read.optional(PUBLIC_BASE_URL);
    Optional<Secret> secret = read.secret(MEDIA_LINK_SECRET);
    Duration validity = Duration.ofHours(read.integer("MEDIA_LINK_HOURS", 72, 1, 30 * 24));
    if (base.isEmpty()) {
      return Optional.empty();
    }
    URI url = read.httpUrl(PUBLIC_BASE_URL, "https://example.invalid");
    if (secret.isEmpty() || secret.get().reveal().length() < 32) {
      read.problem(MEDIA_LINK_SECRET, "required when PUBLIC_BASE_URL is set: at least 32 random characters to sign"
          + " media links with (e.g. `openssl rand -hex 32`); the same value in every process");
      return Optional.empty();
    }
    return Optional.of(new HttpSettings.PublicLinks(url, secret.get(), validity));
  }

  private static BotSettings bot(SettingsReader read) {
    Optional<Secret> token = read.secret(BOT_TOKEN);
    if (token.isPresent() && !BOT_TOKEN_SHAPE.matcher(token.get().reveal()).matches()) {
      // Never echo it: a token with one typo is still nearly a token.
      read.problem(BOT_TOKEN, "does not look like a bot token (digits, a colon, then at least 30 letters, digits,"
          + " '_' or '-', as @BotFather gives it)");
    }
    URI apiUrl = read.httpUrl(TELEGRAM_API_URL, BotSettings.TELEGRAM_API_URL);
    return new BotSettings(token, apiUrl, read.positiveLongs(ADMIN_IDS),
        read.integer(MAX_REFERENCE_PHOTOS, TelegramSettings.DEFAULT_REFERENCE_PHOTOS, 1,
            TelegramSettings.MAX_REFERENCE_PHOTOS), supportChatId(read));
  }

  private static Optional<Long> supportChatId(SettingsReader read) {
    Optional<String> value = read.optional(SUPPORT_CHAT_ID).map(String::strip).filter(text -> !text.isEmpty());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(value.get());
      if (id < 0) {
        return Optional.of(id);
      }
    } catch (NumberFormatException e) {
      // Told below, as for a positive id.
    }
    read.problem(SUPPORT_CHAT_ID, "must be a group's chat id, a negative number such as -1001234567890");
    return Optional.empty();
  }

  private static DatabaseSettings database(SettingsReader read) {
    Optional<String> url = read.optional(DATABASE_URL);
    Optional<String> user = read.optional(DATABASE_USER);
    Optional<Secret> password = read.secret(DATABASE_PASSWORD);
    int poolSize = read.integer(DATABASE_POOL_SIZE, 10, 1, 200);
    if (url.isEmpty()) {
      return new DatabaseSettings(Optional.empty(), poolSize);
    }
    try {
      DatabaseUrl.Parsed parsed = DatabaseUrl.parse(url.get());
      Optional<String> effectiveUser = user.or(parsed::user);
      if (effectiveUser.isEmpty()) {
        read.problem(DATABASE_USER, "required when DATABASE_URL names no user");
        return new DatabaseSettings(Optional.empty(), poolSize);
      }
      Optional<Secret> effectivePassword = password.or(() -> parsed.password().map(Secret::of));
      return new DatabaseSettings(Optional.of(new JdbcTarget(parsed.jdbcUrl(), effectiveUser.get(), effectivePassword)),
          poolSize);
    } catch (IllegalArgumentException e) {
      read.problem(DATABASE_URL, e.getMessage());
      return new DatabaseSettings(Optional.empty(), poolSize);
    }
  }

  private static RedisSettings redis(SettingsReader read) {
    Optional<Secret> url = read.secret(REDIS_URL);
    if (url.isPresent()) {
      String value = url.get().reveal();
      try {
        URI uri = new URI(value);
        if (uri.getScheme() == null || !(uri.getScheme().equals("redis") || uri.getScheme().equals("rediss"))
            || uri.getHost() == null) {
          read.problem(REDIS_URL, "must be redis://[user:password@]host[:port][/database] or rediss://…");
        }
      } catch (java.net.URISyntaxException e) {
        read.problem(REDIS_URL, "is not a valid URL (special characters in the password must be %-encoded)");
      }
    }
    String namespace = read.text(REDIS_NAMESPACE, "rei");
    if (!REDIS_NAMESPACE_SHAPE.matcher(namespace).matches()) {
      read.problem(REDIS_NAMESPACE, "must be 1-64 letters, digits or _.:-, was " + SettingsReader.quoted(namespace));
      namespace = "rei";
    }
    return new RedisSettings(url, namespace);
  }

  /** The business settings, or null when one of them broke a domain rule (the problem is recorded). */
  private static CoreSettings core(SettingsReader read) {
    Map<ImageSize, Credits> generate = new EnumMap<>(ImageSize.class);
    Map<ImageSize, Credits> edit = new EnumMap<>(ImageSize.class);
    long[] generateDefaults = {50, 75, 100};
    long[] editDefaults = {30, 45, 60};
    for (ImageSize size : ImageSize.values()) {
      generate.put(size, credits(read, "PRICE_IMAGE_" + size.label(), generateDefaults[size.ordinal()], 1));
      edit.put(size, credits(read, "PRICE_IMAGE_EDIT_" + size.label(), editDefaults[size.ordinal()], 1));
    }
    List<VideoModel> videoModels = read.parsed("KLING_MODELS", KlingSettings.DEFAULT_MODELS, ConfigLoader::videoModels);
    Credits videoFiveSeconds = credits(read, "PRICE_VIDEO_5S", 100, 1);
    Map<String, Credits> videoPrices = new LinkedHashMap<>();
    videoModels.forEach(model -> videoPrices.put(model.id(), videoFiveSeconds));
    videoPrices.putAll(read.parsed("PRICE_VIDEO_5S_BY_MODEL", "", ConfigLoader::pricesByModel));
    Multiplier tenSeconds = read.parsed("PRICE_VIDEO_10S_MULTIPLIER", "2", ConfigLoader::multiplier);
    Credits reels = credits(read, "PRICE_REELS_VIDEO", 1, 1);
    Duration quoteValidity = Duration.ofMinutes(read.integer("QUOTE_VALID_MINUTES", 10, 1, 24 * 60));

    Credits welcomeBonus = credits(read, WELCOME_BONUS, 2, 0);
    int maxActive = read.integer(MAX_ACTIVE_JOBS_PER_USER, 3, 1, 1_000);
    Credits hourlyCap = credits(read, COST_LIMIT_PER_HOUR, 1_000, 1);
    Map<ActionClass, RateLimit> rates = new EnumMap<>(ActionClass.class);
    rates.put(ActionClass.MESSAGE, RateLimit.perMinute(read.integer("RATE_LIMIT_MESSAGES_PER_MINUTE", 10, 1, 10_000)));
    rates.put(ActionClass.BUTTON_PRESS, RateLimit.perMinute(read.integer("RATE_LIMIT_BUTTONS_PER_MINUTE", 20, 1, 10_000)));
    rates.put(ActionClass.PAYMENT, RateLimit.perMinute(read.integer("RATE_LIMIT_PAYMENTS_PER_MINUTE", 2, 1, 10_000)));

    Duration deadline = Duration.ofMinutes(read.integer("JOB_DEFAULT_DEADLINE_MINUTES", 30, 1, 7 * 24 * 60));
    Duration lease = Duration.ofSeconds(read.integer("JOB_MAX_RUNTIME_SECONDS", 300, 5, 24 * 3600));
    int maxAttempts = read.integer("JOB_MAX_ATTEMPTS", 3, 1, 20);
    Duration coolDown = Duration.ofMinutes(read.integer("KEY_COOL_DOWN_MINUTES", 60, 1, 7 * 24 * 60));
    Duration billingBlock = Duration.ofHours(read.integer("KEY_BILLING_BLOCK_HOURS", 24, 1, 30 * 24));
    Duration paymentMinAge = Duration.ofSeconds(read.integer("PAYMENT_RECONCILE_MIN_AGE_SECONDS",
        (int) ReconcilePaymentsService.DEFAULT_MIN_AGE.toSeconds(), 1, 7 * 24 * 3600));
    Duration paymentExpiry = Duration.ofHours(read.integer("PAYMENT_PENDING_EXPIRY_HOURS",
        (int) ReconcilePaymentsService.DEFAULT_PENDING_EXPIRY.toHours(), 1, 30 * 24));
    Duration alertWindow = Duration.ofMinutes(read.integer("ALERT_REPEAT_MINUTES", 60, 1, 7 * 24 * 60));
    TopUpCatalog topUps = TopUpConfig.read(read);
    OperationsThresholds operations = operations(read);
    if (!read.problems().isEmpty()) {
      return null;
    }
    PriceList prices;
    try {
      prices = new PriceList(generate, edit, videoModels, videoPrices, tenSeconds, reels, quoteValidity);
    } catch (IllegalArgumentException e) {
      // Every single price was checked above; what is left is a price for a model KLING_MODELS does not offer.
      read.problem("PRICE_VIDEO_5S_BY_MODEL", e.getMessage());
      return null;
    }
    // The hold must outlive the deadline by more than a lease, so the sweeper expires the job before its hold.
    Duration holdMargin = lease.multipliedBy(2).compareTo(Duration.ofMinutes(30)) > 0
        ? lease.multipliedBy(2) : Duration.ofMinutes(30);
    return new CoreSettings(
        prices,
        topUps,
        welcomeBonus,
        new OrderLimits(maxActive, hourlyCap),
        new RateLimitPolicy(rates, EscalationPolicy.DEFAULT),
        new JobTimings(deadline, lease, holdMargin),
        new RetryPolicy(maxAttempts, RetryPolicy.DEFAULT.firstDelays(), RetryPolicy.DEFAULT.multiplier(),
            RetryPolicy.DEFAULT.jitter()),
        new KeyPoolPolicy(coolDown, billingBlock),
        paymentMinAge,
        paymentExpiry,
        alertWindow,
        operations);
  }

  private static WorkerSettings workers(SettingsReader read) {
    return new WorkerSettings(
        read.integer(WORKER_THREADS, 4, 1, 256),
        Duration.ofSeconds(read.integer("WORKER_IDLE_POLL_SECONDS", 5, 1, 3_600)),
        Duration.ofSeconds(read.integer("SWEEP_INTERVAL_SECONDS", 30, 1, 3_600)),
        Duration.ofSeconds(read.integer("PAYMENT_RECONCILE_INTERVAL_SECONDS", 60, 1, 24 * 3_600)),
        Duration.ofMillis(read.integer("OUTBOX_POLL_MILLIS", 500, 10, 60_000)),
        read.integer("OUTBOX_BATCH", 50, 1, 1_000),
        Duration.ofSeconds(read.integer("SHUTDOWN_GRACE_SECONDS", 20, 1, 600)),
        Duration.ofSeconds(read.integer("OPERATIONS_WATCH_INTERVAL_SECONDS", 60, 5, 3_600)),
        Duration.ofMinutes(read.integer("RECONCILE_EVERY_MINUTES", 60, 1, 7 * 24 * 60)));
  }

  private static ProviderSettings providers(SettingsReader read) {
    boolean simulated = read.bool(REI_SIMULATED, false);
    Duration delay = Duration.ofMillis(read.integer(SIMULATED_DELAY_MILLIS, 1_500, 0, 600_000));
    List<Secret> keys = read.secretPool(GEMINI_API_KEY);
    String model = read.text(GEMINI_MODEL, GeminiSettings.DEFAULT_MODEL);
    if (!MODEL_NAME.matcher(model).matches()) {
      read.problem(GEMINI_MODEL, "must be a model id such as " + GeminiSettings.DEFAULT_MODEL + ", was "
          + SettingsReader.quoted(model));
    }
    URI baseUrl = read.httpUrl(GEMINI_API_URL, GeminiSettings.DEFAULT_BASE_URL);
    Duration videoDelay = Duration.ofMillis(read.integer("SIMULATED_VIDEO_DELAY_MILLIS", 15_000, 0, 3_600_000));
    return new ProviderSettings(simulated, delay, videoDelay, new GeminiSettings(keys, model, baseUrl), kling(read),
        reels(read));
  }

  private static PaymentSettings payments(SettingsReader read, HttpSettings http) {
    Optional<URI> publicBase = http.publicLinks().map(HttpSettings.PublicLinks::baseUrl);
    Optional<PaymentSettings.YooKassa> yookassa = Optional.empty();
    Optional<String> shopId = read.optional("YOOKASSA_SHOP_ID");
    Optional<Secret> secretKey = read.secret("YOOKASSA_SECRET_KEY");
    Optional<Secret> webhookSecret = read.secret("YOOKASSA_WEBHOOK_SECRET");
    URI yookassaBase = read.httpUrl("YOOKASSA_BASE_URL", "https://api.yookassa.ru");
    String yookassaIps = read.text("YOOKASSA_ALLOWED_IPS", YooKassaSettings.PUBLISHED_IPS);
    Optional<String> returnUrl = read.optional("YOOKASSA_RETURN_URL");
    Optional<String> receiptEmail = read.optional("YOOKASSA_RECEIPT_EMAIL");
    int vatCode = read.integer("YOOKASSA_VAT_CODE", 1, 1, 12);
    if (shopId.isPresent() || secretKey.isPresent()) {
      require(read, secretKey.isPresent(), "YOOKASSA_SECRET_KEY", "required with YOOKASSA_SHOP_ID");
      require(read, shopId.isPresent(), "YOOKASSA_SHOP_ID", "required with YOOKASSA_SECRET_KEY");
      require(read, webhookSecret.isPresent() && webhookSecret.get().reveal().matches("[A-Za-z0-9_-]{16,100}"),
          "YOOKASSA_WEBHOOK_SECRET", "required with YOOKASSA_SHOP_ID: 16-100 letters, digits, '_' or '-', the last"
              + " segment of the notification URL https://<host>/webhooks/yookassa/<secret>");
      require(read, returnUrl.isPresent(), "YOOKASSA_RETURN_URL",
          "required with YOOKASSA_SHOP_ID: where the payer returns, e.g. https://t.me/<your_bot>");
      if (shopId.isPresent() && secretKey.isPresent() && webhookSecret.isPresent() && returnUrl.isPresent()) {
        yookassa = Optional.of(new PaymentSettings.YooKassa(shopId.get(), secretKey.get(), yookassaBase,
            webhookSecret.get(), yookassaIps, read.httpUrl("YOOKASSA_RETURN_URL", "https://t.me"), receiptEmail,
            vatCode));
      }
    }
    Optional<PaymentSettings.Heleket> heleket = Optional.empty();
    Optional<String> merchant = read.optional("HELEKET_MERCHANT_ID");
    Optional<Secret> apiKey = read.secret("HELEKET_API_KEY");
    URI heleketBase = read.httpUrl("HELEKET_BASE_URL", "https://api.heleket.com");
    String heleketIps = read.text("HELEKET_ALLOWED_IPS", HeleketSettings.PUBLISHED_IPS);
    Optional<String> callback = read.optional("HELEKET_CALLBACK_URL")
        .or(() -> publicBase.map(base -> base + "/webhooks/heleket"));
    Optional<String> heleketReturn = read.optional("HELEKET_RETURN_URL");
    if (merchant.isPresent() || apiKey.isPresent()) {
      require(read, apiKey.isPresent(), "HELEKET_API_KEY", "required with HELEKET_MERCHANT_ID");
      require(read, merchant.isPresent(), "HELEKET_MERCHANT_ID", "required with HELEKET_API_KEY");
      require(read, callback.isPresent(), "HELEKET_CALLBACK_URL",
          "required with HELEKET_MERCHANT_ID unless PUBLIC_BASE_URL is set: https://<host>/webhooks/heleket");
      require(read, heleketReturn.isPresent(), "HELEKET_RETURN_URL",
          "required with HELEKET_MERCHANT_ID: where the payer returns, e.g. https://t.me/<your_bot>");
      if (merchant.isPresent() && apiKey.isPresent() && callback.isPresent() && heleketReturn.isPresent()) {
        heleket = Optional.of(new PaymentSettings.Heleket(merchant.get(), apiKey.get(), heleketBase,
            URI.create(callback.get()), read.httpUrl("HELEKET_RETURN_URL", "https://t.me"), heleketIps));
      }
    }
    boolean stars = read.bool("STARS_ENABLED", true);
    BreakerSettings defaults = BreakerSettings.DEFAULT;
    int rate = read.integer("PAYMENT_BREAKER_FAILURE_RATE", defaults.failureRatePercent(), 1, 100);
    int window = read.integer("PAYMENT_BREAKER_WINDOW", defaults.windowCalls(), 1, 10_000);
    int minCalls = read.integer("PAYMENT_BREAKER_MIN_CALLS", defaults.minimumCalls(), 1, 10_000);
    int open = read.integer("PAYMENT_BREAKER_OPEN_SECONDS", (int) defaults.openWait().toSeconds(), 1, 3_600);
    int halfOpen = read.integer("PAYMENT_BREAKER_HALF_OPEN_CALLS", defaults.halfOpenCalls(), 1, 100);
    BreakerSettings breaker = defaults;
    try {
      breaker = new BreakerSettings(rate, window, minCalls, Duration.ofSeconds(open), halfOpen);
    } catch (IllegalArgumentException e) {
      read.problem("PAYMENT_BREAKER_MIN_CALLS", e.getMessage());
    }
    return new PaymentSettings(yookassa, heleket, stars, read.text("TRUSTED_PROXIES", ""),
        read.optional("CLIENT_IP_HEADER"), breaker);
  }

  private static void require(SettingsReader read, boolean present, String name, String problem) {
    if (!present) {
      read.problem(name, problem);
    }
  }

  private static KlingConfig kling(SettingsReader read) {
    List<KlingConfig.KeyPair> keys = read.secretPairPool("KLING_ACCESS_KEY", "KLING_SECRET_KEY").stream()
        .map(pair -> new KlingConfig.KeyPair(pair[0], pair[1])).toList();
    URI baseUrl = read.httpUrl("KLING_BASE_URL", KlingSettings.DEFAULT_BASE_URL.replaceAll("/+$", ""));
    String mode = read.text("KLING_MODE", KlingSettings.DEFAULT_MODE).toLowerCase(java.util.Locale.ROOT);
    if (!KlingSettings.MODES.contains(mode)) {
      read.problem("KLING_MODE", "must be std or pro, was " + SettingsReader.quoted(mode));
    }
    Duration poll = Duration.ofSeconds(read.integer("KLING_POLL_SECONDS",
        (int) KlingSettings.DEFAULT_POLL_INTERVAL.toSeconds(), 1, 600));
    return new KlingConfig(keys, baseUrl, mode, poll);
  }

  private static ReelsConfig reels(SettingsReader read) {
    List<Secret> kieKeys = read.secretPool("KIE_API_KEY");
    URI kieBase = read.httpUrl("KIE_BASE_URL", "https://api.kie.ai");
    URI kieUpload = read.httpUrl("KIE_UPLOAD_BASE_URL", "https://kieai.redpandaai.co");
    List<Secret> openAiKeys = read.secretPool("OPENAI_API_KEY");
    URI openAiBase = read.httpUrl("OPENAI_BASE_URL", "https://api.openai.com/v1");
    String openAiModel = read.text("OPENAI_MODEL", "gpt-4o-mini");
    if (!MODEL_NAME.matcher(openAiModel).matches()) {
      read.problem("OPENAI_MODEL", "must be a model id such as gpt-4o-mini, was " + SettingsReader.quoted(openAiModel));
    }
    Optional<java.nio.file.Path> templates = read.optional("REELS_TEMPLATES_DIR").map(dir -> read.path(
        "REELS_TEMPLATES_DIR", dir));
    if (!kieKeys.isEmpty() && openAiKeys.isEmpty()) {
      read.problem("OPENAI_API_KEY", "required with KIE_API_KEY: Reels scripts are written by OpenAI (also"
          + " OPENAI_API_KEY_1, _2… for a key pool)");
    }
    return new ReelsConfig(kieKeys, kieBase, kieUpload, openAiKeys, openAiBase, openAiModel, templates);
  }

  private static Credits credits(SettingsReader read, String name, long defaultValue, long min) {
    return Credits.of(read.longInteger(name, defaultValue, min, MAX_CREDITS));
  }

  /** {@code id:Display name,…} as Kling's adapter reads it (the seed's "kling-2.6" becomes the API's "kling-v2-6"). */
  private static List<VideoModel> videoModels(String text) {
    return KlingModel.parseAll(text).stream().map(model -> new VideoModel(model.id(), model.name())).toList();
  }

  /** {@code id:credits,…}: a five-second price per model, overriding PRICE_VIDEO_5S. */
  private static Map<String, Credits> pricesByModel(String text) {
    Map<String, Credits> prices = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("each entry is model:credits");
      }
      String id = KlingModel.parseAll(entry.substring(0, colon)).get(0).id();
      long credits;
      try {
        credits = Long.parseLong(entry.substring(colon + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("each entry is model:credits");
      }
      if (credits < 1 || credits > MAX_CREDITS) {
        throw new IllegalArgumentException("a price is 1.." + MAX_CREDITS + " credits");
      }
      prices.put(id, Credits.of(credits));
    }
    return prices;
  }

  private static Multiplier multiplier(String text) {
    return Multiplier.parse(text);
  }

  /** When the operations watch alerts admins; each threshold checked on its own, with a clear line. */
  private static OperationsThresholds operations(SettingsReader read) {
    OperationsThresholds defaults = OperationsThresholds.DEFAULT;
    return new OperationsThresholds(
        Duration.ofMinutes(read.integer("ALERT_FAILURE_WINDOW_MINUTES", (int) defaults.failureWindow().toMinutes(), 1,
            7 * 24 * 60)),
        read.integer("ALERT_FAILURE_MIN_JOBS", defaults.failureMinJobs(), 1, 1_000_000),
        read.parsed("ALERT_FAILURE_RATE", "0.3", ConfigLoader::share),
        read.longInteger("ALERT_QUEUE_BACKLOG", defaults.backlogJobs(), 1, 10_000_000),
        Duration.ofMinutes(read.integer("ALERT_QUEUE_AGE_MINUTES", (int) defaults.backlogAge().toMinutes(), 1,
            7 * 24 * 60)));
  }

  /** A share such as {@code 0.3}: above 0, at most 1. */
  private static double share(String text) {
    double share;
    try {
      share = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a share above 0 and at most 1, such as 0.3");
    }
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("must be a share above 0 and at most 1, such as 0.3");
    }
    return share;
  }
}
