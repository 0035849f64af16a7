package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rei.adapters.persistence.postgres.EmbeddedPostgresServer;
import dev.rei.bootstrap.config.DatabaseSettings;
import dev.rei.bootstrap.config.JdbcTarget;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.run.ResourceStack;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default (no {@code DATABASE_URL}): a PostgreSQL server whose data lives under
 * {@code DATA_DIR/postgres} and survives restarts, with the {@code rei} database created on first use.
 */
public final class EmbeddedPostgresModule extends AbstractModule {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresModule.class);

  @Provides
  @Singleton
  JdbcTarget database(ReiConfig config, ResourceStack resources) {
    Path directory = config.dataDir().resolve("postgres").toAbsolutePath().normalize();
    LOG.info("database: no DATABASE_URL, starting embedded PostgreSQL with its data in {}", directory);
    EmbeddedPostgresServer server = resources.register("embedded PostgreSQL",
        EmbeddedPostgresServer.persistent(directory, 0));
    if (server.createDatabaseIfAbsent(DatabaseSettings.EMBEDDED_DATABASE)) {
      LOG.info("database: created database {} in the embedded server", DatabaseSettings.EMBEDDED_DATABASE);
    }
    JdbcTarget target = new JdbcTarget(server.jdbcUrl(DatabaseSettings.EMBEDDED_DATABASE), server.user(),
        Optional.empty());
    LOG.info("database: embedded PostgreSQL on port {} ({})", server.port(), target.jdbcUrl());
    return target;
  }
}
