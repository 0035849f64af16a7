package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryMediaStore;
import dev.rei.application.port.out.MediaStore;

/** The {@link MediaStoreContract} against the in-memory fake. */
class InMemoryMediaStoreContractTest extends MediaStoreContract {

  @Override
  protected MediaStore newMediaStore() {
    return new InMemoryMediaStore();
  }
}
