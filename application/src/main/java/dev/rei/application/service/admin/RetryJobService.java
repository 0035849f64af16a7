package dev.rei.application.service.admin;

import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.RetryJobCommand;
import dev.rei.application.port.in.admin.RetryJobUseCase;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OrderStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.application.service.job.JobTimings;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobHolds;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retries a job for an admin, in one transaction under the job's (and for a new order, the
 * user's) lock. A new order is keyed by the old job's id, so a second press finds the first one;
 * its price is granted to the user from {@code adjustments} just before its hold, so the user pays
 * nothing and both show in their history. Order limits do not apply: the operator decided.
 */
public final class RetryJobService implements RetryJobUseCase {

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final JobStore jobs;
  private final OrderStore orders;
  private final LedgerStore ledger;
  private final AuditLog audit;
  private final Notifier notifier;
  private final WorkSignal workSignal;
  private final Admins admins;
  private final Clock clock;
  private final IdGenerator ids;
  private final JobTimings timings;

  public RetryJobService(UnitOfWork unitOfWork, UserStore users, JobStore jobs, OrderStore orders, LedgerStore ledger,
      AuditLog audit, Notifier notifier, WorkSignal workSignal, Admins admins, Clock clock, IdGenerator ids,
      JobTimings timings) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.jobs = jobs;
    this.orders = orders;
    this.ledger = ledger;
    this.audit = audit;
    this.notifier = notifier;
    this.workSignal = workSignal;
    this.admins = admins;
    this.clock = clock;
    this.ids = ids;
    this.timings = timings;
  }

  @Override
  public Result retry(RetryJobCommand command) {
    if (!admins.isAdmin(command.admin())) {
      return new Result.Refused(AdminRefusal.NOT_AN_ADMIN);
    }
    return unitOfWork.inTransaction(() -> {
      Optional<Job> found = jobs.lock(command.job());
      if (found.isEmpty()) {
        return new Result.Refused(AdminRefusal.UNKNOWN_JOB);
      }
      Job job = found.get();
      return switch (job.state()) {
        case QUEUED, AWAITING_PROVIDER -> makeDue(command, job);
        case FAILED, EXPIRED -> reorder(command, job);
        default -> new Result.Refused(AdminRefusal.JOB_NOT_RETRYABLE);
      };
    });
  }

  private Result makeDue(RetryJobCommand command, Job job) {
    Job due = job.dueNow(clock.now());
    if (due == job) {
      return new Result.MadeDue(job, false);
    }
    jobs.update(due);
    workSignal.signal();
    audit.record(new AuditLog.Entry(command.admin(), "retry_job", job.userId(),
        "job " + job.id() + " (" + job.state() + ") made due now", "retry now", clock.now()));
    return new Result.MadeDue(due, true);
  }

  private Result reorder(RetryJobCommand command, Job job) {
    IdempotencyKey key = IdempotencyKey.of("admin-retry", job.id());
    Optional<Result> earlier = reorderedBefore(key, job);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (users.lock(job.userId()).isEmpty()) {
      return new Result.Refused(AdminRefusal.UNKNOWN_USER);
    }
    Instant now = clock.now();
    AccountId account = AccountId.user(job.userId());
    String reason = "retry of job " + job.id();
    require(ledger.apply(new TransferRequest.Post(IdempotencyKey.of("admin-retry", job.id(), "grant"),
        SystemAccount.ADJUSTMENTS, account, job.price(), TransferKind.ADJUSTMENT,
        new TransferMemo(ReferenceType.ADMIN_ACTION, command.admin().toString(), reason)),
        TransferId.of(ids.newId()), now), "grant");
    JobId jobId = JobId.of(ids.newId());
    OrderId orderId = OrderId.of(ids.newId());
    Instant deadline = now.plus(timings.deadline());
    TransferId holdId = TransferId.of(ids.newId());
    require(ledger.apply(JobHolds.hold(jobId, job.userId(), job.price(), deadline.plus(timings.holdMargin())), holdId,
        now), "hold");
    Job replacement = Job.queue(jobId, orderId, job.userId(), job.kind(), job.parameters(), job.price(), holdId,
        deadline, now);
    jobs.insert(replacement);
    orders.insert(new Order(orderId, job.userId(), key, job.kind(), job.price(), List.of(jobId), now));
    notifier.tell(job.userId(), Notice.Type.ORDER_PLACED, Map.of("orderId", orderId.toString(), "count", "1",
        "total", job.price().toString(), "kind", job.kind().name(), "jobIds", jobId.toString()));
    workSignal.signal();
    audit.record(new AuditLog.Entry(command.admin(), "retry_job", job.userId(),
        "job " + job.id() + " (" + job.state() + ") ordered again as job " + jobId + ", " + job.price()
            + " credits granted", reason, now));
    return new Result.Reordered(replacement, job.price(), false);
  }

  private Optional<Result> reorderedBefore(IdempotencyKey key, Job job) {
    return orders.findByKey(key).map(order -> new Result.Reordered(jobs.ofOrder(order.id()).get(0), job.price(), true));
  }

  /** The grant comes from a system account and the hold spends exactly it under the user's lock: neither can be refused. */
  private static void require(TransferResult result, String what) {
    if (result instanceof TransferResult.Refused refused) {
      throw new IllegalStateException("retry " + what + " refused: " + refused.reason());
    }
  }
}
