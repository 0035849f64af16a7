package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.InboundUpdatesContract;
import dev.rei.application.port.out.InboundUpdates;
import org.junit.jupiter.api.AfterEach;

/** The {@link InboundUpdatesContract} against PostgreSQL, a fresh database per test. */
class PostgresInboundUpdatesContractTest extends InboundUpdatesContract {

  private PostgresDatabase db;

  @Override
  protected InboundUpdates newInbox() {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    db = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), 8);
    return db.inboundUpdates();
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }
}
