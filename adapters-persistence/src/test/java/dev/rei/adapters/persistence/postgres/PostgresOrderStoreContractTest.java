package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.OrderStoreContract;
import dev.rei.application.contract.PersistenceKit;
import org.junit.jupiter.api.AfterEach;

/** The {@link OrderStoreContract} against PostgreSQL, a fresh database per test. */
class PostgresOrderStoreContractTest extends OrderStoreContract {

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
