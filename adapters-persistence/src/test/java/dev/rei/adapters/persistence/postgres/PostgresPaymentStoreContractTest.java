package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.PaymentStoreContract;
import dev.rei.application.contract.PersistenceKit;
import org.junit.jupiter.api.AfterEach;

/** The {@link PaymentStoreContract} against PostgreSQL, a fresh database per test. */
class PostgresPaymentStoreContractTest extends PaymentStoreContract {

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
