package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.UnitOfWorkContract;
import dev.rei.application.contract.PersistenceKit;
import org.junit.jupiter.api.AfterEach;

/** The {@link UnitOfWorkContract} against PostgreSQL, a fresh database per test. */
class PostgresUnitOfWorkContractTest extends UnitOfWorkContract {

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
