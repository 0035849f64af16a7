package dev.rei.bootstrap.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import dev.rei.adapters.persistence.postgres.PostgresDatabase;
import dev.rei.adapters.persistence.redis.RedisConnection;
import dev.rei.bootstrap.config.JdbcTarget;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.payments.PaymentsModule;
import dev.rei.bootstrap.http.BusinessGauges;
import dev.rei.bootstrap.http.HttpEndpoint;
import dev.rei.bootstrap.http.ReiMeters;
import dev.rei.bootstrap.http.StoreGauges;
import dev.rei.bootstrap.run.JobWorkers;
import dev.rei.bootstrap.run.Managed;
import dev.rei.bootstrap.run.OutboxDispatcher;
import dev.rei.bootstrap.run.PeriodicTask;
import dev.rei.bootstrap.run.ResourceStack;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Rei process: the injector (built once), the resources it opened, and the parts it
 * started for its roles — HTTP always; job workers, sweeper and payment reconciler for {@link
 * Role#WORKER}; the chat parts, the outbox dispatcher, the operations and ledger watches and the
 * job-duration recorder for {@link Role#BOT}. {@link #stop()}
 * stops the parts in reverse order (the poller first, the HTTP server last), each within the
 * shutdown grace, then closes the resources (pools before the embedded servers they talk to).
 */
public final class ReiProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReiProcess.class);

  private final Injector injector;
  private final ResourceStack resources;
  private final Duration grace;
  private final List<Managed> started = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean stopping;

  private ReiProcess(Injector injector, ResourceStack resources, Duration grace) {
    this.injector = injector;
    this.resources = resources;
    this.grace = grace;
  }

  /** The modules of the infrastructure and the core; the embedded or external servers are chosen here. */
  static List<Module> infrastructure(ReiConfig config, ResourceStack resources) {
    List<Module> modules = new ArrayList<>();
    modules.add(new ProcessModule(config, resources));
    modules.add(config.database().external().isPresent() ? new ExternalPostgresModule() : new EmbeddedPostgresModule());
    modules.add(new PostgresModule());
    modules.add(config.redis().url().isPresent() ? new ExternalRedisModule() : new EmbeddedRedisModule());
    modules.add(new RedisModule());
    modules.add(new FileMediaModule());
    modules.add(new MetricsModule());
    modules.add(new CoreModule());
    modules.add(new HttpModule());
    modules.add(new PaymentsModule());
    modules.add(new BackgroundModule());
    return modules;
  }

  /** Builds the injector, opens the database (migrating it) and Redis, and starts the parts of {@code roles}. */
  public static ReiProcess start(ReiConfig configured, Set<Role> roles, AdapterModules adapters) {
    // Port 0 is chosen now, not when the server binds: simulated rails must know where to send webhooks.
    ReiConfig config = configured.http().port() == 0 ? configured.withHttp(configured.http().withPort(freePort()))
        : configured;
    ResourceStack resources = new ResourceStack();
    List<Module> modules = infrastructure(config, resources);
    modules.addAll(adapters.all());
    ReiProcess process;
    try {
      process = new ReiProcess(Guice.createInjector(Stage.DEVELOPMENT, modules), resources,
          config.workers().shutdownGrace());
    } catch (CreationException e) {
      resources.close();
      throw new StartupException("the wiring is broken: " + e.getMessage(), e);
    }
    try {
      process.startParts(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
      return process;
    } catch (RuntimeException e) {
      process.stop();
      throw new StartupException(rootMessage(e), e);
    } catch (Exception e) {
      process.stop();
      throw new StartupException(rootMessage(e), e);
    }
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new StartupException("no free port for the HTTP server: " + e.getMessage(), e);
    }
  }

  /** Applies pending migrations to the configured (or embedded) database, and nothing else. */
  public static void migrate(ReiConfig config) {
    try (ResourceStack resources = new ResourceStack()) {
      List<Module> modules = List.of(new ProcessModule(config, resources),
          config.database().external().isPresent() ? new ExternalPostgresModule() : new EmbeddedPostgresModule());
      JdbcTarget target = Guice.createInjector(Stage.DEVELOPMENT, modules).getInstance(JdbcTarget.class);
      PostgresDatabase.migrate(target.jdbcUrl(), target.user(), target.passwordText());
      LOG.info("migrations applied to {}", target.jdbcUrl());
    } catch (ProvisionException e) {
      throw new StartupException(rootMessage(e), e);
    } catch (RuntimeException e) {
      throw new StartupException("migration failed: " + rootMessage(e), e);
    }
  }

  private void startParts(Set<Role> roles) throws Exception {
    // The stores first: the embedded servers start and the schema is migrated before any part runs.
    injector.getInstance(PostgresDatabase.class);
    injector.getInstance(RedisConnection.class);
    MeterRegistry metrics = injector.getInstance(MeterRegistry.class);
    injector.getInstance(StoreGauges.class).register(metrics);
    injector.getInstance(BusinessGauges.class).register(metrics);
    ReiMeters.updatesHandled(metrics);

    List<Managed> parts = new ArrayList<>();
    parts.add(injector.getInstance(HttpEndpoint.class));
    if (roles.contains(Role.WORKER)) {
      parts.add(injector.getInstance(JobWorkers.class));
      parts.add(injector.getInstance(Key.get(PeriodicTask.class, Names.named(BackgroundModule.SWEEPER))));
      parts.add(injector.getInstance(Key.get(PeriodicTask.class, Names.named(BackgroundModule.PAYMENT_RECONCILER))));
    }
    if (roles.contains(Role.BOT)) {
      // The Telegram bot also dispatches right after each update it handles; both use the one
      // MessageSender (one pacer), and a message is locked by one dispatcher at a time.
      parts.add(injector.getInstance(OutboxDispatcher.class));
      Set<Managed> chat = injector.getInstance(Key.get(new TypeLiteral<Set<Managed>>() {}, ChatPart.class));
      if (chat.isEmpty()) {
        LOG.warn("no chat adapter is installed in this process: nothing polls Telegram");
      }
      parts.addAll(chat);
    }
    if (roles.contains(Role.BOT)) {
      // One bot process per deployment, and alerts reach admins only through its outbox: the watches run here.
      parts.add(injector.getInstance(Key.get(PeriodicTask.class, Names.named(BackgroundModule.OPERATIONS_WATCH))));
      parts.add(injector.getInstance(Key.get(PeriodicTask.class, Names.named(BackgroundModule.LEDGER_WATCH))));
      parts.add(injector.getInstance(Key.get(PeriodicTask.class, Names.named(BackgroundModule.JOB_DURATIONS))));
    }
    for (Managed part : parts) {
      synchronized (this) {
        if (stopping) {
          throw new IllegalStateException("stopped while starting");
        }
        part.start();
        started.add(part);
      }
    }
    LOG.info("Rei is up: roles {}, HTTP on port {}", roles, httpPort());
  }

  public Injector injector() {
    return injector;
  }

  /** The port the HTTP server listens on. */
  public int httpPort() {
    return injector.getInstance(HttpEndpoint.class).port();
  }

  /** Stops every part and closes every resource; safe to call from any thread, any number of times. */
  public void stop() {
    List<Managed> toStop;
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      toStop = new ArrayList<>(started);
    }
    try {
      LOG.info("stopping: {}", toStop.stream().map(Managed::name).toList());
      for (int i = toStop.size() - 1; i >= 0; i--) {
        Managed part = toStop.get(i);
        try {
          part.stop(grace);
        } catch (RuntimeException e) {
          LOG.warn("{} did not stop cleanly: {}", part.name(), e.toString());
        }
      }
      resources.close();
      LOG.info("stopped");
    } finally {
      stopped.countDown();
    }
  }

  /** Waits until {@link #stop()} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    stop();
  }

  /** The innermost cause's message: "Connection refused", not three layers of Guice. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName()
        : root.getClass().getSimpleName() + ": " + root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
