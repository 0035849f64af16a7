package dev.rei.application.contract;

/** The {@link UserStoreContract} against the in-memory fakes. */
class InMemoryUserStoreContractTest extends UserStoreContract {

  @Override
  protected PersistenceKit newKit() {
    return InMemoryKit.create();
  }
}
