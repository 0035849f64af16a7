package dev.rei.bootstrap.http;

import dev.rei.adapters.persistence.postgres.PostgresDatabase;

/** PostgreSQL answers a query through the pool. */
public final class DatabaseHealthCheck implements HealthCheck {

  private final PostgresDatabase database;

  public DatabaseHealthCheck(PostgresDatabase database) {
    this.database = database;
  }

  @Override
  public Health check() {
    try {
      Object one = database.dsl().fetchValue("select 1");
      return "1".equals(String.valueOf(one)) ? Health.healthy() : Health.down("unexpected answer to select 1");
    } catch (RuntimeException e) {
      return Health.down(TimedHealthCheck.describe(e));
    }
  }
}
