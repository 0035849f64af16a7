package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.OutboxContract;
import dev.rei.application.contract.PersistenceKit;
import org.junit.jupiter.api.AfterEach;

/** The {@link OutboxContract} against PostgreSQL, a fresh database per test. */
class PostgresOutboxContractTest extends OutboxContract {

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
