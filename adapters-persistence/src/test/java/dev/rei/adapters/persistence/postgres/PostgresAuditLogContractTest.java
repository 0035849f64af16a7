package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.AuditLogContract;
import dev.rei.application.contract.PersistenceKit;
import org.junit.jupiter.api.AfterEach;

/** The {@link AuditLogContract} against PostgreSQL, a fresh database per test. */
class PostgresAuditLogContractTest extends AuditLogContract {

  private final PostgresKits kits = new PostgresKits();

  @Override
  protected PersistenceKit newKit() {
    return kits.open();
  }

  @AfterEach
  void closeDatabase() {
    kits.close();
  }
}
