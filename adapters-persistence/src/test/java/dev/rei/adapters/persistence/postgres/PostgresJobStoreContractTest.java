package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.JobStoreContract;
import dev.rei.application.contract.PersistenceKit;
import org.junit.jupiter.api.AfterEach;

/** The {@link JobStoreContract} against PostgreSQL, a fresh database per test. */
class PostgresJobStoreContractTest extends JobStoreContract {

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
