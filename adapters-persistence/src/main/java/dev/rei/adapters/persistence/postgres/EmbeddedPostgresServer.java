package dev.rei.adapters.persistence.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run from the binaries in a Maven Central artifact (zonky), for the
 * embedded default (no {@code DATABASE_URL}) and for tests. {@link #persistent} keeps its data in
 * a directory across restarts; {@link #ephemeral} lives in a temporary directory removed on close.
 * The superuser is {@code postgres} with no password, reachable on localhost only.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String USER = "postgres";
  /** zonky's lock file in the data directory, held by the JVM that runs the server. */
  private static final String OWNER_LOCK = "epg-lock";
  private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres server;

  private EmbeddedPostgresServer(EmbeddedPostgres server) {
    this.server = server;
  }

  /**
   * Starts a server on {@code dataDirectory}, creating the cluster there on first use and reusing it
   * afterwards. Commits are flushed to disk before they return, as credits and payments need. A
   * server left running by a process that died is stopped first; a directory in use by a live
   * process is refused.
   *
   * @param port the TCP port on localhost, or 0 for any free one
   */
  public static EmbeddedPostgresServer persistent(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      stopOrphanedServer(dataDirectory);
      return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setServerConfig("synchronous_commit", "on")
          .setPGStartupWait(Duration.ofSeconds(60))
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL on " + dataDirectory, e);
    }
  }

  /**
   * Starts a throw-away server in a temporary directory, deleted on {@link #close()}. Commits do not
   * wait for the disk, which is what makes it quick for tests; nothing here must survive a crash.
   */
  public static EmbeddedPostgresServer ephemeral() {
    try {
      return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("fsync", "off")
          .setServerConfig("full_page_writes", "off")
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  /** The JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return server.getJdbcUrl(USER, requireName(database));
  }

  public String user() {
    return USER;
  }

  /** Empty: the server trusts local connections. */
  public String password() {
    return "";
  }

  public int port() {
    return server.getPort();
  }

  /** Creates {@code database} unless it exists; returns whether it was created. */
  public boolean createDatabaseIfAbsent(String database) {
    requireName(database);
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
      try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
        exists.setString(1, database);
        try (ResultSet rows = exists.executeQuery()) {
          if (rows.next()) {
            return false;
          }
        }
      }
      try (Statement create = connection.createStatement()) {
        // The name is checked above; CREATE DATABASE takes no bind parameters.
        create.execute("create database " + database);
      }
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
  }

  /** Stops the server (fast shutdown: open sessions are ended, committed work is kept). */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
    }
  }

  private static String requireName(String database) {
    if (database == null || !DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    return database;
  }

  /**
   * A JVM killed without its shutdown hooks leaves its postmaster running on the directory, and a
   * second postmaster cannot start there. Whoever can take zonky's lock file knows the owner is gone,
   * so the server still running is an orphan and may be stopped.
   */
  private static void stopOrphanedServer(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> postmaster = postmasterOf(pidFile);
    if (postmaster.isEmpty()) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException("the PostgreSQL data directory " + dataDirectory
            + " is in use by another running process");
      }
      LOG.warn("stopping PostgreSQL (pid {}) left running on {} by a process that died", postmaster.get().pid(),
          dataDirectory);
      // SIGTERM is PostgreSQL's smart shutdown: the dead owner's sessions are gone, so it ends at once.
      postmaster.get().destroy();
      try {
        postmaster.get().onExit().get(ORPHAN_SHUTDOWN_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL", e);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("an orphaned PostgreSQL on " + dataDirectory + " did not stop", e);
      }
    }
  }

  private static Optional<ProcessHandle> postmasterOf(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    // A stale pid file whose number now belongs to another program must not get that program killed.
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }
}
