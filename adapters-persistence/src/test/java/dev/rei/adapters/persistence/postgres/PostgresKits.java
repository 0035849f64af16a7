package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.PersistenceKit;
import java.util.ArrayList;
import java.util.List;

/** Opens the PostgreSQL stores on a fresh test database for each contract test, and closes them after. */
final class PostgresKits implements AutoCloseable {

  private final List<PostgresDatabase> opened = new ArrayList<>();

  PersistenceKit open() {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    PostgresDatabase db = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), 4);
    opened.add(db);
    return new PersistenceKit(db.unitOfWork(), db.users(), db.ledger(), db.orders(), db.jobs(), db.payments(),
        db.outbox(), db.auditLog());
  }

  @Override
  public void close() {
    opened.forEach(PostgresDatabase::close);
    opened.clear();
  }
}
