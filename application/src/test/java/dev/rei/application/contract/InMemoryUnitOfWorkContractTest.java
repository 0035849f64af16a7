package dev.rei.application.contract;

/** The {@link UnitOfWorkContract} against the in-memory fakes. */
class InMemoryUnitOfWorkContractTest extends UnitOfWorkContract {

  @Override
  protected PersistenceKit newKit() {
    return InMemoryKit.create();
  }
}
