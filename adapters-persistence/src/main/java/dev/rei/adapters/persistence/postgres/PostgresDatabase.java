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
  private final DSLContext dsl;
  private final JooqUnitOfWork unitOfWork;
  private final String jdbcUrl;
  private final String user;
  private final String password;

  private PostgresDatabase(HikariDataSource dataSource, String jdbcUrl, String user, String password) {
    this.dataSource = dataSource;
    this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    this.unitOfWork = new JooqUnitOfWork(dsl);
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /** Connects with a pool of at most {@code poolSize} connections and applies pending migrations. */
  public static PostgresDatabase open(String jdbcUrl, String user, String password, int poolSize) {
    migrate(jdbcUrl, user, password);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setAutoCommit(true);
    config.setPoolName("rei-postgres");
    return new PostgresDatabase(new HikariDataSource(config), jdbcUrl, user, password);
  }

  /** Applies the migrations not applied yet (the {@code migrate} command); several processes may race, Flyway serialises them. */
  public static void migrate(String jdbcUrl, String user, String password) {
    Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
  }

  public JooqUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  /** jOOQ over the pool, outside any unit of work: for health checks and tools, not for the stores' work. */
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * A new {@link PostgresWorkSignal} listening on a connection of its own (outside the pool, so a
   * busy pool never starves it); the caller closes it.
   */
  public PostgresWorkSignal workSignal() {
    return new PostgresWorkSignal(unitOfWork, jdbcUrl, user, password);
  }

  public PostgresInboundUpdates inboundUpdates() {
    return new PostgresInboundUpdates(unitOfWork);
  }

  public PostgresAlertThrottle alertThrottle() {
    return new PostgresAlertThrottle(unitOfWork);
  }

  public PostgresChatStateStore chatState() {
    return new PostgresChatStateStore(unitOfWork);
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
