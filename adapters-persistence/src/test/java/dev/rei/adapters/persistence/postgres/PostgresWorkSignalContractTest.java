package dev.rei.adapters.persistence.postgres;

import dev.rei.application.contract.WorkSignalContract;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.WorkSignal;
import org.junit.jupiter.api.AfterEach;

/** The {@link WorkSignalContract} against LISTEN/NOTIFY on PostgreSQL. */
class PostgresWorkSignalContractTest extends WorkSignalContract {

  private PostgresDatabase db;
  private PostgresWorkSignal workSignal;

  @Override
  protected WorkSignal newSignal() {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    db = PostgresDatabase.open(credentials.url(), credentials.user(), credentials.password(), 2);
    workSignal = db.workSignal();
    return workSignal;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return db.unitOfWork();
  }

  @AfterEach
  void close() throws InterruptedException {
    workSignal.close();
    db.close();
  }
}
