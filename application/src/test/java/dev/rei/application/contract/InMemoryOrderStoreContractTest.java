package dev.rei.application.contract;

/** The {@link OrderStoreContract} against the in-memory fakes. */
class InMemoryOrderStoreContractTest extends OrderStoreContract {

  @Override
  protected PersistenceKit newKit() {
    return InMemoryKit.create();
  }
}
