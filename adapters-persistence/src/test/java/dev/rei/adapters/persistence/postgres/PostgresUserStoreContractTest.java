package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.UserStoreContract;
import dev.rei.application.contract.PersistenceKit;
import org.junit.jupiter.api.AfterEach;

/** The {@link UserStoreContract} against PostgreSQL, a fresh database per test. */
class PostgresUserStoreContractTest extends UserStoreContract {

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
