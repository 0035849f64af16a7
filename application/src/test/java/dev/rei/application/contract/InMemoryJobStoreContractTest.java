package dev.rei.application.contract;

/** The {@link JobStoreContract} against the in-memory fakes. */
class InMemoryJobStoreContractTest extends JobStoreContract {

  @Override
  protected PersistenceKit newKit() {
    return InMemoryKit.create();
  }
}
