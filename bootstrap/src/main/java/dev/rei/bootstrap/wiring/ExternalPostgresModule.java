package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rei.bootstrap.config.DatabaseSettings;
import dev.rei.bootstrap.config.JdbcTarget;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL server {@code DATABASE_URL} names. */
public final class ExternalPostgresModule extends AbstractModule {

  private static final Logger LOG = LoggerFactory.getLogger(ExternalPostgresModule.class);

  @Provides
  @Singleton
  JdbcTarget database(DatabaseSettings settings) {
    JdbcTarget target = settings.external()
        .orElseThrow(() -> new IllegalStateException("ExternalPostgresModule needs DATABASE_URL"));
    LOG.info("database: PostgreSQL at {} as user {}", target.jdbcUrl(), target.user());
    return target;
  }
}
