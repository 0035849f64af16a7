package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.LedgerStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresLedgerStoreContractTest extends LedgerStoreContract {

  private PostgresDatabase database;

  @Override
  protected Kit newKit() {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    database = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), 4);
    return new Kit(database.unitOfWork(), database.users(), database.ledger());
  }

  @AfterEach
  void close() {
    database.close();
  }
}
