package dev.rei.application.contract;

/** The {@link LedgerStoreContract} against the in-memory fakes. */
class InMemoryLedgerStoreContractTest extends LedgerStoreContract {

  @Override
  protected PersistenceKit newKit() {
    return InMemoryKit.create();
  }
}
