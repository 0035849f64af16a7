package dev.rei.bootstrap.payments;

import dev.rei.adapters.payments.heleket.HeleketSettings;
import dev.rei.adapters.payments.simulated.FakeHeleketServer;
import dev.rei.adapters.payments.simulated.FakeYooKassaServer;
import dev.rei.adapters.payments.yookassa.YooKassaSettings;
import dev.rei.adapters.persistence.redis.EmbeddedRedisServer;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.StartTopUpUseCase;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.in.user.RegisterUserUseCase;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.testing.TestConfigs;
import dev.rei.bootstrap.testing.TestServers;
import dev.rei.bootstrap.wiring.AdapterModules;
import dev.rei.bootstrap.wiring.ReiProcess;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Rei process with no chat — HTTP (health, webhooks), and the workers if asked — over a test
 * PostgreSQL database and an embedded Redis — whose YooKassa and Heleket are the simulated rails
 * ({@code REI_SIMULATED=true}): the real gateways and webhook handlers, fake rails on loopback.
 */
final class RailsProcess implements AutoCloseable {

  static final long ADMIN = 1;

  private final EmbeddedRedisServer redis;
  private final ReiProcess process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RailsProcess(Map<String, String> settings) throws IOException {
    this(settings, Set.of());
  }

  /** With {@link Role#WORKER} the payment reconciler runs too. */
  RailsProcess(Map<String, String> settings, Set<Role> roles) throws IOException {
    redis = EmbeddedRedisServer.start();
    Map<String, String> variables = new HashMap<>(Map.of(
        "DATABASE_URL", TestServers.newDatabaseUrl(),
        "REDIS_URL", redis.url(),
        "HTTP_PORT", "0",
        "DATA_DIR", Files.createTempDirectory("rei-rails").toString(),
        "REI_SIMULATED", "true",
        "ADMIN_IDS", Long.toString(ADMIN),
        "WELCOME_BONUS", "0"));
    variables.putAll(settings);
    ReiConfig config = TestConfigs.load(variables);
    try {
      process = ReiProcess.start(config, roles, AdapterModules.forConfig(config));
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  <T> T get(Class<T> type) {
    return process.injector().getInstance(type);
  }

  int httpPort() {
    return process.httpPort();
  }

  FakeYooKassaServer yookassa() {
    return get(FakeYooKassaServer.class);
  }

  FakeHeleketServer heleket() {
    return get(FakeHeleketServer.class);
  }

  /** The YooKassa webhook path with the process's secret segment, as set in YooKassa's dashboard. */
  String yookassaWebhookPath() {
    return "/webhooks/yookassa/" + get(YooKassaSettings.class).webhookSecret().reveal();
  }

  HeleketSettings heleketSettings() {
    return get(HeleketSettings.class);
  }

  void register(UserId user) {
    get(RegisterUserUseCase.class).register(new RegisterUserCommand(user, Language.EN));
  }

  /** Starts a top-up of package {@code code} as the bot would; fails the test if it is refused. */
  Payment startTopUp(UserId user, Rail rail, String code) {
    TopUpStart start = get(StartTopUpUseCase.class).startTopUp(
        new StartTopUpCommand(user, rail, new TopUpChoice.Package(code)));
    if (!(start instanceof TopUpStart.Started started)) {
      throw new AssertionError("top-up of " + code + " on " + rail + " refused: " + start);
    }
    return started.payment();
  }

  Payment payment(PaymentId id) {
    return get(UnitOfWork.class).inTransaction(() -> get(PaymentStore.class).find(id)).orElseThrow();
  }

  /** POSTs {@code body} to the process's HTTP server from loopback, with {@code headers}; the status it answered. */
  int post(String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int post(String path, byte[] body) {
    return post(path, body, Map.of());
  }

  @Override
  public void close() {
    try {
      process.stop();
    } finally {
      redis.close();
    }
  }
}
