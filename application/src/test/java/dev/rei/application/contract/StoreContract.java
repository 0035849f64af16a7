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
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the store contracts: a fresh {@link PersistenceKit} per test and helpers that create
 * what a real database's foreign keys demand (a user with an account, a hold, an order).
 */
public abstract class StoreContract {

  protected static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
  protected static final UserId ALICE = UserId.of(1001);

  private final AtomicLong ids = new AtomicLong();
  protected PersistenceKit kit;

  protected abstract PersistenceKit newKit();

  @BeforeEach
  void freshKit() {
    kit = newKit();
  }

  protected UUID nextUuid() {
    return new UUID(0x2000L, ids.incrementAndGet());
  }

  protected void registerFunded(UserId user, long credits) {
    kit.unitOfWork().inTransaction(() -> {
      kit.users().insertIfAbsent(User.register(user, Language.RU, T0));
      kit.ledger().openAccount(user);
      if (credits == 0) {
        return;
      }
      TransferResult result = kit.ledger().apply(new TransferRequest.Post(IdempotencyKey.of("fund", user),
          SystemAccount.SALES, AccountId.user(user), Credits.of(credits), TransferKind.TOP_UP,
          TransferMemo.of(ReferenceType.PAYMENT, "fund")), TransferId.of(nextUuid()), T0);
      if (!(result instanceof TransferResult.Recorded)) {
        throw new IllegalStateException("funding refused: " + result);
      }
    });
  }

  /** Places an order of {@code count} queued jobs for {@code user} at {@code at}, holds included. */
  protected List<Job> placeOrder(UserId user, int count, Instant at) {
    return kit.unitOfWork().inTransaction(() -> {
      OrderId orderId = OrderId.of(nextUuid());
      List<Job> jobs = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        JobId jobId = JobId.of(nextUuid());
        TransferId holdId = TransferId.of(nextUuid());
        kit.ledger().apply(JobHolds.hold(jobId, user, Credits.of(1), at.plus(Duration.ofHours(2))), holdId, at);
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
}
