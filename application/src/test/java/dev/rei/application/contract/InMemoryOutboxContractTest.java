package dev.rei.application.contract;

/** The {@link OutboxContract} against the in-memory fakes. */
class InMemoryOutboxContractTest extends OutboxContract {

  @Override
  protected PersistenceKit newKit() {
    return InMemoryKit.create();
  }
}
