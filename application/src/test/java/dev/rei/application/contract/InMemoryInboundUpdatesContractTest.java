package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryInboundUpdates;
import dev.rei.application.port.out.InboundUpdates;

/** The {@link InboundUpdatesContract} against the in-memory fake. */
class InMemoryInboundUpdatesContractTest extends InboundUpdatesContract {

  @Override
  protected InboundUpdates newInbox() {
    return new InMemoryInboundUpdates();
  }
}
