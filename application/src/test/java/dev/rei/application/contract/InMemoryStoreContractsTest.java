package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryAuditLog;
import dev.rei.application.fakes.InMemoryDatabase;
import dev.rei.application.fakes.InMemoryJobStore;
import dev.rei.application.fakes.InMemoryLedgerStore;
import dev.rei.application.fakes.InMemoryOrderStore;
import dev.rei.application.fakes.InMemoryOutbox;
import dev.rei.application.fakes.InMemoryPaymentStore;
import dev.rei.application.fakes.InMemoryUserStore;
import org.junit.jupiter.api.Nested;

/** The store contracts against the in-memory fakes. */
class InMemoryStoreContractsTest {

  static PersistenceKit kit() {
    InMemoryDatabase db = new InMemoryDatabase();
    return new PersistenceKit(db, new InMemoryUserStore(db), new InMemoryLedgerStore(db), new InMemoryOrderStore(db),
        new InMemoryJobStore(db), new InMemoryPaymentStore(db), new InMemoryOutbox(db), new InMemoryAuditLog(db));
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
