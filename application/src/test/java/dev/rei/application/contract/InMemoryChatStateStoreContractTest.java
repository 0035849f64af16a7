package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryChatStateStore;
import dev.rei.application.fakes.InMemoryDatabase;
import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.UnitOfWork;

/** The {@link ChatStateStoreContract} against the in-memory fake. */
class InMemoryChatStateStoreContractTest extends ChatStateStoreContract {

  @Override
  protected ChatStateStore newStore() {
    return new InMemoryChatStateStore();
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return new InMemoryDatabase();
  }
}
