package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryKeyHealthStore;
import dev.rei.application.port.out.KeyHealthStore;

class InMemoryKeyHealthStoreContractTest extends KeyHealthStoreContract {

  @Override
  protected KeyHealthStore newStore() {
    return new InMemoryKeyHealthStore();
  }
}
