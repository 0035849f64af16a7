package dev.rei.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.rei.adapters.persistence.postgres.PostgresDatabase;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.AlertThrottle;
import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.InboundUpdates;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.OrderStore;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.bootstrap.config.DatabaseSettings;
import dev.rei.bootstrap.config.JdbcTarget;
import dev.rei.bootstrap.run.ResourceStack;
import jakarta.inject.Singleton;

/**
 * The PostgreSQL adapter over whichever server the target module chose: the pool (migrated on
 * open), the unit of work, every store (the chat inbox and chat state too), and the work signal.
 */
public final class PostgresModule extends AbstractModule {

  @Provides
  @Singleton
  PostgresDatabase database(JdbcTarget target, DatabaseSettings settings, ResourceStack resources) {
    return resources.register("PostgreSQL pool",
        PostgresDatabase.open(target.jdbcUrl(), target.user(), target.passwordText(), settings.poolSize()));
  }

  @Provides
  @Singleton
  UnitOfWork unitOfWork(PostgresDatabase database) {
    return database.unitOfWork();
  }

  @Provides
  @Singleton
  UserStore users(PostgresDatabase database) {
    return database.users();
  }

  @Provides
  @Singleton
  LedgerStore ledger(PostgresDatabase database) {
    return database.ledger();
  }

  @Provides
  @Singleton
  OrderStore orders(PostgresDatabase database) {
    return database.orders();
  }

  @Provides
  @Singleton
  JobStore jobs(PostgresDatabase database) {
    return database.jobs();
  }

  @Provides
  @Singleton
  Outbox outbox(PostgresDatabase database) {
    return database.outbox();
  }

  @Provides
  @Singleton
  PaymentStore payments(PostgresDatabase database) {
    return database.payments();
  }

  @Provides
  @Singleton
  AuditLog auditLog(PostgresDatabase database) {
    return database.auditLog();
  }

  @Provides
  @Singleton
  InboundUpdates inboundUpdates(PostgresDatabase database) {
    return database.inboundUpdates();
  }

  @Provides
  @Singleton
  AlertThrottle alertThrottle(PostgresDatabase database) {
    return database.alertThrottle();
  }

  @Provides
  @Singleton
  ChatStateStore chatState(PostgresDatabase database) {
    return database.chatState();
  }

  @Provides
  @Singleton
  WorkSignal workSignal(PostgresDatabase database, ResourceStack resources) {
    return resources.register("work signal listener", database.workSignal());
  }
}
