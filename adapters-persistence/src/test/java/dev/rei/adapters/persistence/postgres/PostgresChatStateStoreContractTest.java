package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.ChatStateStoreContract;
import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.UnitOfWork;
import org.junit.jupiter.api.AfterEach;

/** The {@link ChatStateStoreContract} against PostgreSQL, a fresh database per test. */
class PostgresChatStateStoreContractTest extends ChatStateStoreContract {

  private PostgresDatabase db;

  @Override
  protected ChatStateStore newStore() {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    db = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), 8);
    return db.chatState();
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return db.unitOfWork();
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }
}
