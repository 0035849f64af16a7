package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.LedgerStoreContract;
import dev.rei.application.contract.PersistenceKit;
import org.junit.jupiter.api.AfterEach;

/** The {@link LedgerStoreContract} against PostgreSQL, a fresh database per test. */
class PostgresLedgerStoreContractTest extends LedgerStoreContract {

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
