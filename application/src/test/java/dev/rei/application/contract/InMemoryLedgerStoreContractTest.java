package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryDatabase;
import dev.rei.application.fakes.InMemoryLedgerStore;
import dev.rei.application.fakes.InMemoryUserStore;

class InMemoryLedgerStoreContractTest extends LedgerStoreContract {

  @Override
  protected Kit newKit() {
    InMemoryDatabase db = new InMemoryDatabase();
    return new Kit(db, new InMemoryUserStore(db), new InMemoryLedgerStore(db));
  }
}
