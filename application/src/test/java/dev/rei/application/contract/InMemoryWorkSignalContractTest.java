package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryDatabase;
import dev.rei.application.fakes.ManualWorkSignal;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.WorkSignal;

/** The {@link WorkSignalContract} against the in-memory fake. */
class InMemoryWorkSignalContractTest extends WorkSignalContract {

  private final InMemoryDatabase db = new InMemoryDatabase();

  @Override
  protected WorkSignal newSignal() {
    return new ManualWorkSignal(db);
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return db;
  }
}
