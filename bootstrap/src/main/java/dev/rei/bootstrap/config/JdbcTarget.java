package dev.rei.bootstrap.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL database to connect to: a JDBC URL that holds no credentials (so it may be logged),
 * the user, and the password if the server asks for one.
 */
public record JdbcTarget(String jdbcUrl, String user, Optional<Secret> password) {

  public JdbcTarget {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** The password for a driver that takes an empty one for "none". */
  public String passwordText() {
    return password.map(Secret::reveal).orElse("");
  }
}
