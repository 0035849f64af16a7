package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.JobStoreContract;
import dev.rei.application.contract.OutboxContract;
import dev.rei.application.contract.PaymentAndAuditContract;
import dev.rei.application.contract.PersistenceKit;
import dev.rei.application.contract.UserAndOrderContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The store contracts against PostgreSQL, a fresh database per test. */
class PostgresStoreContractsTest {

  private final List<PostgresDatabase> opened = new ArrayList<>();

  PersistenceKit kit() {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    PostgresDatabase db = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), 4);
    opened.add(db);
    return new PersistenceKit(db.unitOfWork(), db.users(), db.ledger(), db.orders(), db.jobs(), db.payments(),
        db.outbox(), db.auditLog());
  }

  @AfterEach
  void close() {
    opened.forEach(PostgresDatabase::close);
  }

  @Nested
  class Jobs extends JobStoreContract {
    @Override
    protected PersistenceKit newKit() {
      return kit();
    }
  }

  @Nested
  class OutboxMessages extends OutboxContract {
    @Override
    protected PersistenceKit newKit() {
      return kit();
    }
  }

  @Nested
  class UsersAndOrders extends UserAndOrderContract {
    @Override
    protected PersistenceKit newKit() {
      return kit();
    }
  }

  @Nested
  class PaymentsAndAudit extends PaymentAndAuditContract {
    @Override
    protected PersistenceKit newKit() {
      return kit();
    }
  }
}
