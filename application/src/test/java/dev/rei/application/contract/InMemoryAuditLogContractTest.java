package dev.rei.application.contract;

/** The {@link AuditLogContract} against the in-memory fakes. */
class InMemoryAuditLogContractTest extends AuditLogContract {

  @Override
  protected PersistenceKit newKit() {
    return InMemoryKit.create();
  }
}
