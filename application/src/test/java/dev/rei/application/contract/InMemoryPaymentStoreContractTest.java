package dev.rei.application.contract;

/** The {@link PaymentStoreContract} against the in-memory fakes. */
class InMemoryPaymentStoreContractTest extends PaymentStoreContract {

  @Override
  protected PersistenceKit newKit() {
    return InMemoryKit.create();
  }
}
