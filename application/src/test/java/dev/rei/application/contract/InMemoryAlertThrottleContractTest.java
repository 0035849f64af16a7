package dev.rei.application.contract;

import dev.rei.application.fakes.InMemoryAlertThrottle;
import dev.rei.application.fakes.InMemoryDatabase;
import dev.rei.application.port.out.AlertThrottle;
import dev.rei.application.port.out.UnitOfWork;

class InMemoryAlertThrottleContractTest extends AlertThrottleContract {

  private InMemoryDatabase db;

  @Override
  protected AlertThrottle newThrottle() {
    db = new InMemoryDatabase();
    return new InMemoryAlertThrottle(db);
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return db;
  }
}
