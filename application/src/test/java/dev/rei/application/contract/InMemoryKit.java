package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryAuditLog;
import dev.rei.application.fakes.InMemoryDatabase;
import dev.rei.application.fakes.InMemoryJobStore;
import dev.rei.application.fakes.InMemoryLedgerStore;
import dev.rei.application.fakes.InMemoryOrderStore;
import dev.rei.application.fakes.InMemoryOutbox;
import dev.rei.application.fakes.InMemoryPaymentStore;
import dev.rei.application.fakes.InMemoryUserStore;

/** Every in-memory store over one fresh {@link InMemoryDatabase}. */
final class InMemoryKit {

  private InMemoryKit() {}

  static PersistenceKit create() {
    InMemoryDatabase db = new InMemoryDatabase();
    return new PersistenceKit(db, new InMemoryUserStore(db), new InMemoryLedgerStore(db), new InMemoryOrderStore(db),
        new InMemoryJobStore(db), new InMemoryPaymentStore(db), new InMemoryOutbox(db), new InMemoryAuditLog(db));
  }
}
