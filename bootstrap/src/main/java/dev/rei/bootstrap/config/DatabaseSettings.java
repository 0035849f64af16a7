package dev.rei.bootstrap.config;

import java.util.Objects;
import java.util.Optional;

/**
 * PostgreSQL: an external server when {@code DATABASE_URL} is set, otherwise the embedded one under
 * the data directory; and the connection pool size.
 */
public record DatabaseSettings(Optional<JdbcTarget> external, int poolSize) {

  /** The database the embedded server creates and Rei uses. */
  public static final String EMBEDDED_DATABASE = "rei";

  public DatabaseSettings {
    Objects.requireNonNull(external, "external");
    if (poolSize < 1) {
      throw new IllegalArgumentException("the pool holds at least one connection");
    }
  }
}
