package dev.rei.application.contract;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobHolds;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the store contracts: a fresh, empty {@link PersistenceKit} per test and helpers that
 * create what a real database's foreign keys demand (a user with an account, a hold, an order).
 * Instants are whole microseconds, the finest a stored instant keeps.
 */
public abstract class StoreContract {

  protected static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
  protected static final UserId ALICE = UserId.of(1001);
  protected static final UserId BOB = UserId.of(1002);

  private final AtomicLong ids = new AtomicLong();
  protected PersistenceKit kit;

  /** A new, empty set of stores sharing one unit of work; called before each test. */
  protected abstract PersistenceKit newKit();

  @BeforeEach
  void freshKit() {
    kit = newKit();
  }

  protected UUID nextUuid() {
    return new UUID(0x2000L, ids.incrementAndGet());
  }

  protected <T> T inTransaction(Supplier<T> work) {
    return kit.unitOfWork().inTransaction(work);
  }

  protected void registerFunded(UserId user, long credits) {
    inTransaction(() -> {
      kit.users().insertIfAbsent(User.register(user, Language.RU, T0));
      kit.ledger().openAccount(user);
      if (credits > 0) {
        requireRecorded(kit.ledger().apply(new TransferRequest.Post(IdempotencyKey.of("fund", user, nextUuid()),
            SystemAccount.SALES, AccountId.user(user), Credits.of(credits), TransferKind.TOP_UP,
            TransferMemo.of(ReferenceType.PAYMENT, "fund")), TransferId.of(nextUuid()), T0));
      }
      return null;
    });
  }

  /** Places the hold of job {@code job} for {@code user}, with id {@code holdId}; the user needs the credits. */
  protected TransferId placeHold(JobId job, UserId user, Credits price, TransferId holdId, Instant at) {
    return inTransaction(() -> requireRecorded(
        kit.ledger().apply(JobHolds.hold(job, user, price, at.plus(Duration.ofHours(2))), holdId, at)));
  }

  /** Places an order of {@code count} queued one-credit jobs for {@code user} at {@code at}, holds included. */
  protected List<Job> placeOrder(UserId user, int count, Instant at) {
    return inTransaction(() -> {
      OrderId orderId = OrderId.of(nextUuid());
      List<Job> jobs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        JobId jobId = JobId.of(nextUuid());
        TransferId holdId = placeHold(jobId, user, Credits.of(1), TransferId.of(nextUuid()), at);
        Job job = Job.queue(jobId, orderId, user, JobKind.REELS_VIDEO, JobParameters.NONE, Credits.of(1), holdId,
            at.plus(Duration.ofHours(1)), at);
        kit.jobs().insert(job);
        jobs.add(job);
      }
      kit.orders().insert(new Order(orderId, user, IdempotencyKey.of("order", orderId), JobKind.REELS_VIDEO,
          Credits.of(1), jobs.stream().map(Job::id).toList(), at));
      return jobs;
    });
  }

  protected static TransferId requireRecorded(TransferResult result) {
    if (!(result instanceof TransferResult.Recorded recorded)) {
      throw new IllegalStateException("the ledger did not record the request: " + result);
    }
    return recorded.transfer().id();
  }
}
