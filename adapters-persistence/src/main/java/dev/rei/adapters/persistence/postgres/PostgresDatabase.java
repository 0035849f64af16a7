package dev.rei.adapters.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A connection pool to Rei's PostgreSQL database, migrated to the latest schema on open, and the
 * stores over it.
 */
public final class PostgresDatabase implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final JooqUnitOfWork unitOfWork;

  private PostgresDatabase(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    this.unitOfWork = new JooqUnitOfWork(dsl);
  }

  /** Connects with a pool of at most {@code poolSize} connections and applies pending migrations. */
  public static PostgresDatabase open(String jdbcUrl, String user, String password, int poolSize) {
    Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setAutoCommit(true);
    config.setPoolName("rei-postgres");
    return new PostgresDatabase(new HikariDataSource(config));
  }

  public JooqUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  public PostgresUserStore users() {
    return new PostgresUserStore(unitOfWork);
  }

  public PostgresLedgerStore ledger() {
    return new PostgresLedgerStore(unitOfWork);
  }

  public PostgresOrderStore orders() {
    return new PostgresOrderStore(unitOfWork);
  }

  public PostgresJobStore jobs() {
    return new PostgresJobStore(unitOfWork);
  }

  public PostgresOutbox outbox() {
    return new PostgresOutbox(unitOfWork);
  }

  public PostgresPaymentStore payments() {
    return new PostgresPaymentStore(unitOfWork);
  }

  public PostgresAuditLog auditLog() {
    return new PostgresAuditLog(unitOfWork);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
