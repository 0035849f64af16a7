package dev.rei.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.bootstrap.testing.TestConfigs;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.pricing.ImageSize;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static ConfigResult load(Map<String, String> variables) {
    return ConfigLoader.load(Environment.of(variables));
  }

  private static List<ConfigProblem> problems(Map<String, String> variables) {
    ConfigResult result = load(variables);
    assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
    return ((ConfigResult.Invalid) result).problems();
  }

  @Test
  void givenNothingSet_whenLoaded_thenEveryDefaultApplies() {
    ReiConfig config = TestConfigs.load(Map.of());

    assertThat(config.bot().token()).isEmpty();
    assertThat(config.bot().apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
    assertThat(config.bot().adminIds()).isEmpty();
    assertThat(config.database().external()).isEmpty();
    assertThat(config.database().poolSize()).isEqualTo(10);
    assertThat(config.redis().url()).isEmpty();
    assertThat(config.http()).isEqualTo(new HttpSettings("0.0.0.0", 8080));
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.log().format()).isEqualTo(LogFormat.TEXT);
    assertThat(config.core().welcomeBonus()).isEqualTo(Credits.of(2));
    assertThat(config.core().orderLimits().maxActiveOrders()).isEqualTo(3);
    assertThat(config.core().prices().imageGenerate()).containsEntry(ImageSize.K1, Credits.of(50))
        .containsEntry(ImageSize.K4, Credits.of(100));
    assertThat(config.core().prices().videoModels()).extracting(m -> m.id() + "=" + m.displayName())
        .containsExactly("kling-v3=Kling 3.0", "kling-v2-6=Kling 2.6");
    assertThat(config.providers().kling().keys()).isEmpty();
    assertThat(config.providers().reels().configured()).isFalse();
    assertThat(config.core().jobTimings().deadline()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.workers().threads()).isEqualTo(4);
    assertThat(config.providers().simulated()).isFalse();
    assertThat(config.providers().gemini().model()).isEqualTo("gemini-3-pro-image-preview");
  }

  @Test
  void givenSettings_whenLoaded_thenTheyAreTyped() {
    ReiConfig config = TestConfigs.load(Map.ofEntries(
        Map.entry("BOT_TOKEN", TestConfigs.FAKE_BOT_TOKEN),
        Map.entry("TELEGRAM_API_URL", "http://localhost:8081/"),
        Map.entry("ADMIN_IDS", " 11, 22 ,33"),
        Map.entry("HTTP_PORT", "0"),
        Map.entry("WELCOME_BONUS", "0"),
        Map.entry("LOG_FORMAT", "JSON"),
        Map.entry("REI_SIMULATED", "true"),
        Map.entry("PRICE_IMAGE_2K", "7"),
        Map.entry("MAX_ACTIVE_JOBS_PER_USER", "5"),
        Map.entry("COST_LIMIT_PER_HOUR", "300"),
        Map.entry("RATE_LIMIT_MESSAGES_PER_MINUTE", "30"),
        Map.entry("WORKER_THREADS", "8")));

    assertThat(config.bot().token().map(Secret::reveal)).contains(TestConfigs.FAKE_BOT_TOKEN);
    assertThat(config.bot().apiUrl()).isEqualTo(URI.create("http://localhost:8081"));
    assertThat(config.bot().adminIds()).containsExactlyInAnyOrder(11L, 22L, 33L);
    assertThat(config.http().port()).isZero();
    assertThat(config.core().welcomeBonus()).isEqualTo(Credits.ZERO);
    assertThat(config.log().format()).isEqualTo(LogFormat.JSON);
    assertThat(config.providers().simulated()).isTrue();
    assertThat(config.core().prices().imageGenerate()).containsEntry(ImageSize.K2, Credits.of(7));
    assertThat(config.core().orderLimits().maxActiveOrders()).isEqualTo(5);
    assertThat(config.core().orderLimits().hourlySpendCap()).isEqualTo(Credits.of(300));
    assertThat(config.core().rateLimits().limitFor(dev.rei.domain.limits.ActionClass.MESSAGE).permits()).isEqualTo(30);
    assertThat(config.workers().threads()).isEqualTo(8);
  }

  @Test
  void givenManyMalformedSettings_whenLoaded_thenEveryProblemIsOneLineNamingItsVariable() {
    List<ConfigProblem> problems = problems(Map.ofEntries(
        Map.entry("HTTP_PORT", "eighty"),
        Map.entry("DATABASE_POOL_SIZE", "0"),
        Map.entry("ADMIN_IDS", "12,abc"),
        Map.entry("LOG_FORMAT", "xml"),
        Map.entry("REI_SIMULATED", "maybe"),
        Map.entry("PRICE_IMAGE_1K", "-5"),
        Map.entry("TELEGRAM_API_URL", "ftp://example.org"),
        Map.entry("WORKER_THREADS", "0"),
        Map.entry("REDIS_URL", "http://localhost:6379"),
        Map.entry("PRICE_VIDEO_10S_MULTIPLIER", "two"),
        Map.entry("DATABASE_URL", "mysql://db/rei")));

    assertThat(problems).extracting(ConfigProblem::variable).containsExactlyInAnyOrder("HTTP_PORT",
        "DATABASE_POOL_SIZE", "ADMIN_IDS", "LOG_FORMAT", "REI_SIMULATED", "PRICE_IMAGE_1K", "TELEGRAM_API_URL",
        "WORKER_THREADS", "REDIS_URL", "PRICE_VIDEO_10S_MULTIPLIER", "DATABASE_URL");
    assertThat(problems).extracting(ConfigProblem::line)
        .allSatisfy(line -> assertThat(line).doesNotContain("\n"))
        .contains("HTTP_PORT: must be a whole number between 0 and 65535, was \"eighty\"",
            "LOG_FORMAT: must be text or json, was \"xml\"");
  }

  @Test
  void givenAMalformedBotToken_whenLoaded_thenTheProblemNamesItWithoutEchoingIt() {
    String almostAToken = "123456:short-secret-part";

    List<ConfigProblem> problems = problems(Map.of("BOT_TOKEN", almostAToken));

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.variable()).isEqualTo("BOT_TOKEN");
      assertThat(problem.line()).doesNotContain("short-secret-part");
    });
  }

  @Test
  void givenAPostgresUrlWithCredentials_whenLoaded_thenTheyAreTakenOutOfTheJdbcUrl() {
    ReiConfig config = TestConfigs.load(Map.of("DATABASE_URL",
        "postgres://rei_app:p%40ss%2Fword@db.example.org:6543/rei_prod?sslmode=require"));

    JdbcTarget target = config.database().external().orElseThrow();
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6543/rei_prod?sslmode=require");
    assertThat(target.user()).isEqualTo("rei_app");
    assertThat(target.passwordText()).isEqualTo("p@ss/word");
    assertThat(config.secretValues()).contains("p@ss/word");
  }

  @Test
  void givenAJdbcUrlWithCredentialsInItsQuery_whenLoaded_thenTheVariablesWinAndTheUrlKeepsTheRest() {
    ReiConfig config = TestConfigs.load(Map.of(
        "DATABASE_URL", "jdbc:postgresql://localhost/rei?user=a&password=b&ssl=false",
        "DATABASE_USER", "admin",
        "DATABASE_PASSWORD", "s3cret-pw"));

    JdbcTarget target = config.database().external().orElseThrow();
    assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/rei?ssl=false");
    assertThat(target.user()).isEqualTo("admin");
    assertThat(target.passwordText()).isEqualTo("s3cret-pw");
  }

  @Test
  void givenADatabaseUrlWithoutAUser_whenLoaded_thenDatabaseUserIsRequired() {
    assertThat(problems(Map.of("DATABASE_URL", "postgres://db.example.org/rei")))
        .extracting(ConfigProblem::variable).containsExactly("DATABASE_USER");
    assertThat(problems(Map.of("DATABASE_URL", "postgres://u:p@db.example.org")))
        .extracting(ConfigProblem::line).singleElement().asString().startsWith("DATABASE_URL: names no database");
  }

  @Test
  void givenTopUpSettings_whenLoaded_thenPackagesAndCustomAmountsArePerRail() {
    ReiConfig defaults = TestConfigs.load(Map.of());
    assertThat(defaults.core().topUps().packagesFor(dev.rei.domain.payment.Rail.YOOKASSA))
        .extracting(p -> p.code() + " " + p.price() + " " + p.credits().value() + "+" + p.bonus().value())
        .containsExactly("p100 100.00 RUB 100+0", "p200 200.00 RUB 200+10", "p300 300.00 RUB 300+30");
    assertThat(defaults.core().topUps().customAmountFor(dev.rei.domain.payment.Rail.TELEGRAM_STARS)).isEmpty();

    ReiConfig custom = TestConfigs.load(Map.of("TOPUP_PACKAGES_HELEKET", "2.5:250+25", "HELEKET_CURRENCY", "ton",
        "TOPUP_CUSTOM_YOOKASSA", "none"));
    assertThat(custom.core().topUps().packagesFor(dev.rei.domain.payment.Rail.HELEKET))
        .extracting(p -> p.code() + " " + p.price()).containsExactly("p2_5 2.50 TON");
    assertThat(custom.core().topUps().customAmountFor(dev.rei.domain.payment.Rail.YOOKASSA)).isEmpty();

    assertThat(problems(Map.of("TOPUP_PACKAGES_YOOKASSA", "100:100,abc", "TOPUP_CUSTOM_HELEKET", "1:10",
        "TOPUP_PACKAGES_TELEGRAM_STARS", "10.5:10", "TOPUP_CUSTOM_YOOKASSA", "1:100:10")))
        .extracting(ConfigProblem::variable).containsExactlyInAnyOrder("TOPUP_PACKAGES_YOOKASSA",
            "TOPUP_CUSTOM_HELEKET", "TOPUP_PACKAGES_TELEGRAM_STARS", "TOPUP_CUSTOM_YOOKASSA");
  }

  @Test
  void givenVideoProviderKeys_whenLoaded_thenPairsPoolsAndPricesPerModelAreRead() {
    Map<String, String> variables = new HashMap<>();
    variables.put("KLING_ACCESS_KEY", "access-0");
    variables.put("KLING_SECRET_KEY", "secret-0");
    variables.put("KLING_ACCESS_KEY_2", "access-2");
    variables.put("KLING_SECRET_KEY_2", "secret-2");
    variables.put("KLING_MODELS", "kling-2.6:Kling 2.6,kling-v3:Kling 3");
    variables.put("PRICE_VIDEO_5S_BY_MODEL", "kling-v3:150");
    variables.put("KIE_API_KEY", "kie-0");
    variables.put("OPENAI_API_KEY_1", "oa-1");

    ReiConfig config = TestConfigs.load(variables);

    assertThat(config.providers().kling().keys()).extracting(pair -> pair.accessKey().reveal() + "/"
        + pair.secretKey().reveal()).containsExactly("access-0/secret-0", "access-2/secret-2");
    assertThat(config.core().prices().videoFiveSeconds()).containsEntry("kling-v2-6", Credits.of(100))
        .containsEntry("kling-v3", Credits.of(150));
    assertThat(config.providers().reels().configured()).isTrue();
    assertThat(config.secretValues()).contains("secret-2", "kie-0", "oa-1");

    assertThat(problems(Map.of("KLING_ACCESS_KEY_1", "a"))).extracting(ConfigProblem::variable)
        .containsExactly("KLING_SECRET_KEY_1");
    assertThat(problems(Map.of("KIE_API_KEY", "k"))).extracting(ConfigProblem::variable)
        .containsExactly("OPENAI_API_KEY");
    assertThat(problems(Map.of("PRICE_VIDEO_5S_BY_MODEL", "kling-v9:10"))).extracting(ConfigProblem::variable)
        .containsExactly("PRICE_VIDEO_5S_BY_MODEL");
    assertThat(problems(Map.of("KLING_MODE", "turbo"))).extracting(ConfigProblem::variable)
        .containsExactly("KLING_MODE");
  }

  @Test
  void givenPaymentSettings_whenHalfARailIsConfigured_thenEachMissingPartIsNamed() {
    assertThat(problems(Map.of("YOOKASSA_SHOP_ID", "123"))).extracting(ConfigProblem::variable)
        .containsExactlyInAnyOrder("YOOKASSA_SECRET_KEY", "YOOKASSA_WEBHOOK_SECRET", "YOOKASSA_RETURN_URL");
    assertThat(problems(Map.of("HELEKET_API_KEY", "k"))).extracting(ConfigProblem::variable)
        .containsExactlyInAnyOrder("HELEKET_MERCHANT_ID", "HELEKET_CALLBACK_URL", "HELEKET_RETURN_URL");
    assertThat(problems(Map.of("PAYMENT_BREAKER_WINDOW", "3", "PAYMENT_BREAKER_MIN_CALLS", "5")))
        .extracting(ConfigProblem::variable).containsExactly("PAYMENT_BREAKER_MIN_CALLS");

    ReiConfig config = TestConfigs.load(Map.of("YOOKASSA_SHOP_ID", "123", "YOOKASSA_SECRET_KEY", "live_secret",
        "YOOKASSA_WEBHOOK_SECRET", "s3cret-path-segment-1", "YOOKASSA_RETURN_URL", "https://t.me/rei_bot",
        "PUBLIC_BASE_URL", "https://rei.example.com", "MEDIA_LINK_SECRET", "m".repeat(32),
        "HELEKET_MERCHANT_ID", "m-1", "HELEKET_API_KEY", "hk", "HELEKET_RETURN_URL", "https://t.me/rei_bot"));
    assertThat(config.payments().yookassa()).get().extracting(PaymentSettings.YooKassa::shopId).isEqualTo("123");
    assertThat(config.payments().heleket()).get().extracting(h -> h.callbackUrl().toString())
        .isEqualTo("https://rei.example.com/webhooks/heleket");
    assertThat(config.secretValues()).contains("live_secret", "s3cret-path-segment-1", "hk");
  }

  @Test
  void givenAPublicBaseUrl_whenLoaded_thenASigningSecretIsRequiredAndMasked() {
    assertThat(problems(Map.of("PUBLIC_BASE_URL", "https://rei.example.com")))
        .extracting(ConfigProblem::variable).containsExactly("MEDIA_LINK_SECRET");
    assertThat(problems(Map.of("PUBLIC_BASE_URL", "https://rei.example.com", "MEDIA_LINK_SECRET", "short")))
        .extracting(ConfigProblem::variable).containsExactly("MEDIA_LINK_SECRET");
    assertThat(problems(Map.of("PUBLIC_BASE_URL", "ftp://x", "MEDIA_LINK_SECRET", "s".repeat(32))))
        .extracting(ConfigProblem::variable).containsExactly("PUBLIC_BASE_URL");

    ReiConfig config = TestConfigs.load(Map.of("PUBLIC_BASE_URL", "https://rei.example.com/",
        "MEDIA_LINK_SECRET", "s".repeat(40), "MEDIA_LINK_HOURS", "5"));

    assertThat(config.http().publicLinks()).get().satisfies(links -> {
      assertThat(links.baseUrl()).hasToString("https://rei.example.com");
      assertThat(links.validity()).isEqualTo(java.time.Duration.ofHours(5));
    });
    assertThat(config.secretValues()).contains("s".repeat(40));
    assertThat(TestConfigs.load(Map.of()).http().publicLinks()).isEmpty();
  }

  @Test
  void givenAKeyPool_whenLoaded_thenKeysComeInTheOrderOfTheirNumbersWithoutDuplicates() {
    Map<String, String> variables = new HashMap<>();
    variables.put("GEMINI_API_KEY", "key-zero-000");
    variables.put("GEMINI_API_KEY_10", "key-ten-0000");
    variables.put("GEMINI_API_KEY_2", "key-two-0000");
    variables.put("GEMINI_API_KEY_1", "key-zero-000");
    variables.put("GEMINI_API_KEYS", "not-part-of-the-pool");

    ReiConfig config = TestConfigs.load(variables);

    assertThat(config.providers().gemini().keys()).extracting(Secret::reveal)
        .containsExactly("key-zero-000", "key-two-0000", "key-ten-0000");
  }

  @Test
  void givenRealProvidersWithoutAKey_whenCheckedForWorkers_thenTheKeyIsRequired() {
    assertThat(TestConfigs.load(Map.of()).problemsForWorkers()).extracting(ConfigProblem::variable)
        .containsExactly("GEMINI_API_KEY");
    assertThat(TestConfigs.load(Map.of("REI_SIMULATED", "true")).problemsForWorkers()).isEmpty();
    assertThat(TestConfigs.load(Map.of("GEMINI_API_KEY", "AIzaFakeKey123")).problemsForWorkers()).isEmpty();
  }

  @Test
  void givenADotEnvFile_whenTheEnvironmentSetsTheSameName_thenTheEnvironmentWins(@TempDir Path directory)
      throws Exception {
    Path dotEnv = directory.resolve(".env");
    Files.writeString(dotEnv, String.join("\n",
        "# a comment",
        "export HTTP_PORT=9001",
        "WORKER_THREADS=7 # inline comment",
        "DATABASE_PASSWORD='has # and spaces'",
        "ADMIN_IDS=\"5,6\"",
        "WELCOME_BONUS="), StandardCharsets.UTF_8);

    ReiConfig config = ((ConfigResult.Valid) ConfigLoader.load(
        Environment.of(Map.of("HTTP_PORT", "9002", "DATABASE_URL", "postgres://u@h/db"), dotEnv))).config();

    assertThat(config.http().port()).isEqualTo(9002);
    assertThat(config.workers().threads()).isEqualTo(7);
    assertThat(config.database().external().orElseThrow().passwordText()).isEqualTo("has # and spaces");
    assertThat(config.bot().adminIds()).containsExactlyInAnyOrder(5L, 6L);
    assertThat(config.core().welcomeBonus()).isEqualTo(Credits.of(2));
  }

  @Test
  void givenABrokenDotEnvLine_whenLoaded_thenTheProblemNamesTheFileAndLine(@TempDir Path directory) throws Exception {
    Path dotEnv = directory.resolve(".env");
    Files.writeString(dotEnv, "HTTP_PORT=9001\nthis is not a setting\nBOT_TOKEN=\"unclosed\n");

    ConfigResult result = ConfigLoader.load(Environment.of(Map.of(), dotEnv));

    assertThat(((ConfigResult.Invalid) result).problems()).extracting(ConfigProblem::line)
        .containsExactly(".env line 2: is not NAME=value", ".env line 3: BOT_TOKEN: the double quote is not closed");
  }

  @Test
  void givenNoDotEnvFile_whenLoaded_thenOnlyTheEnvironmentCounts(@TempDir Path directory) {
    ConfigResult result = ConfigLoader.load(Environment.of(Map.of("HTTP_PORT", "81"), directory.resolve(".env")));

    assertThat(((ConfigResult.Valid) result).config().http().port()).isEqualTo(81);
  }

  @Test
  void givenSecrets_whenTheConfigurationIsPrinted_thenNoneShows() {
    ReiConfig config = TestConfigs.load(Map.of(
        "BOT_TOKEN", TestConfigs.FAKE_BOT_TOKEN,
        "DATABASE_URL", "postgres://u:db-password-1@h/db",
        "REDIS_URL", "redis://:redis-password-1@cache:6379/0",
        "GEMINI_API_KEY", "AIzaGeminiKey-1"));

    String printed = config + String.join("\n", config.summary());

    assertThat(printed).doesNotContain(TestConfigs.FAKE_BOT_TOKEN, "db-password-1", "redis-password-1",
        "AIzaGeminiKey-1").contains(Secret.of("x").toString(), "redis://cache:6379/0");
    assertThat(config.secretValues()).contains(TestConfigs.FAKE_BOT_TOKEN, "db-password-1", "redis-password-1",
        "AIzaGeminiKey-1");
    assertThat(Secret.of("x")).hasToString("******");
  }

  @Test
  void everyVariableTheLoaderReadsIsDocumentedInEnvExample() throws Exception {
    Path example = Path.of("..", ".env.example");
    Set<String> documented = Files.readAllLines(example).stream()
        .filter(line -> line.matches("[A-Z][A-Z0-9_]*=.*"))
        .map(line -> line.substring(0, line.indexOf('=')))
        .collect(Collectors.toSet());

    Set<String> read = load(Map.of("GEMINI_API_KEY_1", "k-123456")).variablesRead().stream()
        .filter(name -> !name.matches("GEMINI_API_KEY_[0-9]+"))
        .collect(Collectors.toSet());

    assertThat(documented).containsAll(read);
    assertThat(read).containsAll(documented);
  }

  @Test
  void givenTheSandbox_whenConfigured_thenItTalksToTheEmulatorWithSimulatedProviders() {
    ReiConfig sandbox = TestConfigs.load(Map.of()).forSandbox(Secret.of(TestConfigs.FAKE_BOT_TOKEN),
        URI.create("http://127.0.0.1:9999"));

    assertThat(sandbox.bot().token()).isEqualTo(Optional.of(Secret.of(TestConfigs.FAKE_BOT_TOKEN)));
    assertThat(sandbox.bot().apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
    assertThat(sandbox.providers().simulated()).isTrue();
  }

  @Test
  void givenAlertThresholds_whenLoaded_thenTheyAreRead_andOutOfRangeOnesAreOneClearLineEach() {
    ReiConfig defaults = TestConfigs.load(Map.of());
    assertThat(defaults.core().operations()).isEqualTo(
        dev.rei.application.service.admin.OperationsThresholds.DEFAULT);
    assertThat(defaults.workers().operationsWatchInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.workers().ledgerCheckInterval()).isEqualTo(Duration.ofMinutes(60));

    ReiConfig config = TestConfigs.load(Map.of("ALERT_FAILURE_WINDOW_MINUTES", "15", "ALERT_FAILURE_MIN_JOBS", "4",
        "ALERT_FAILURE_RATE", "0.5", "ALERT_QUEUE_BACKLOG", "20", "ALERT_QUEUE_AGE_MINUTES", "3",
        "RECONCILE_EVERY_MINUTES", "1440", "OPERATIONS_WATCH_INTERVAL_SECONDS", "30"));
    assertThat(config.core().operations()).isEqualTo(new dev.rei.application.service.admin.OperationsThresholds(
        Duration.ofMinutes(15), 4, 0.5, 20, Duration.ofMinutes(3)));
    assertThat(config.workers().operationsWatchInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.workers().ledgerCheckInterval()).isEqualTo(Duration.ofDays(1));

    List<ConfigProblem> problems = problems(Map.of("ALERT_FAILURE_RATE", "1.5", "ALERT_FAILURE_MIN_JOBS", "0",
        "ALERT_QUEUE_BACKLOG", "lots", "ALERT_QUEUE_AGE_MINUTES", "-1", "RECONCILE_EVERY_MINUTES", "0"));
    assertThat(problems).extracting(ConfigProblem::variable).containsExactlyInAnyOrder("ALERT_FAILURE_RATE",
        "ALERT_FAILURE_MIN_JOBS", "ALERT_QUEUE_BACKLOG", "ALERT_QUEUE_AGE_MINUTES", "RECONCILE_EVERY_MINUTES");
    assertThat(problems).extracting(ConfigProblem::line)
        .contains("ALERT_FAILURE_RATE: must be a share above 0 and at most 1, such as 0.3, was \"1.5\"");
    assertThat(problems(Map.of("ALERT_FAILURE_RATE", "30%"))).extracting(ConfigProblem::variable)
        .containsExactly("ALERT_FAILURE_RATE");
  }

  @Test
  void givenMaxReferencePhotos_whenLoaded_thenFiveByDefault_andMoreThanGeminisFourteenRefused() {
    assertThat(TestConfigs.load(Map.of()).bot().maxReferencePhotos()).isEqualTo(5);
    assertThat(TestConfigs.load(Map.of("MAX_REFERENCE_PHOTOS", "14")).bot().maxReferencePhotos()).isEqualTo(14);

    assertThat(problems(Map.of("MAX_REFERENCE_PHOTOS", "15"))).extracting(ConfigProblem::variable)
        .containsExactly("MAX_REFERENCE_PHOTOS");
    assertThat(problems(Map.of("MAX_REFERENCE_PHOTOS", "0"))).extracting(ConfigProblem::variable)
        .containsExactly("MAX_REFERENCE_PHOTOS");
  }

  @Test
  void givenASupportChat_whenLoaded_thenItIsTheGroupMessagesToSupportGoTo_andTheSandboxKeepsIt() {
    ReiConfig config = TestConfigs.load(Map.of("SUPPORT_CHAT_ID", " -1001234567890 "));

    assertThat(config.bot().supportChatId()).contains(-1_001_234_567_890L);
    assertThat(TestConfigs.load(Map.of()).bot().supportChatId()).isEmpty();
    assertThat(config.forSandbox(Secret.of(TestConfigs.FAKE_BOT_TOKEN), URI.create("http://127.0.0.1:9999"))
        .bot().supportChatId()).contains(-1_001_234_567_890L);
  }

  @Test
  void givenASupportChatThatIsNoGroup_whenLoaded_thenTheProblemSaysWhatItMustBe() {
    for (String wrong : List.of("12345", "support", "0")) {
      assertThat(problems(Map.of("SUPPORT_CHAT_ID", wrong))).singleElement().satisfies(problem -> {
        assertThat(problem.variable()).isEqualTo("SUPPORT_CHAT_ID");
        assertThat(problem.line()).contains("negative");
      });
    }
  }
}
