package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.AlertThrottleContract;
import dev.rei.application.port.out.AlertThrottle;
import dev.rei.application.port.out.UnitOfWork;
import org.junit.jupiter.api.AfterEach;

/** The {@link AlertThrottleContract} against PostgreSQL, a fresh database per test. */
class PostgresAlertThrottleContractTest extends AlertThrottleContract {

  private PostgresDatabase db;

  @Override
  protected AlertThrottle newThrottle() {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    db = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), 8);
    return db.alertThrottle();
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return db.unitOfWork();
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }
}
