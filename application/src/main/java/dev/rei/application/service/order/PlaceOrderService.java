package dev.rei.application.service.order;

import dev.rei.application.port.in.order.OrderRefusal;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.order.PlaceOrderUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.JobStore;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OrderStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.application.port.out.WorkSignal;
import dev.rei.application.service.Notifier;
import dev.rei.application.service.job.JobTimings;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobHolds;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferRefusal;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.LimitRefusal;
import dev.rei.domain.limits.OrderFacts;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places orders: under the user's row lock, checks the key, the quote and the limits, then holds
 * the price of each item and queues its job, all in one transaction.
 */
public final class PlaceOrderService implements PlaceOrderUseCase {

  private static final Duration SPEND_WINDOW = Duration.ofHours(1);

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final OrderStore orders;
  private final JobStore jobs;
  private final LedgerStore ledger;
  private final Notifier notifier;
  private final WorkSignal workSignal;
  private final Clock clock;
  private final IdGenerator ids;
  private final OrderLimits limits;
  private final JobTimings timings;

  public PlaceOrderService(UnitOfWork unitOfWork, UserStore users, OrderStore orders, JobStore jobs,
      LedgerStore ledger, Notifier notifier, WorkSignal workSignal, Clock clock, IdGenerator ids,
      OrderLimits limits, JobTimings timings) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.orders = orders;
    this.jobs = jobs;
    this.ledger = ledger;
    this.notifier = notifier;
    this.workSignal = workSignal;
    this.clock = clock;
    this.ids = ids;
    this.limits = limits;
    this.timings = timings;
  }

  @Override
  public PlaceOrderResult placeOrder(PlaceOrderCommand command) {
    try {
      return unitOfWork.inTransaction(() -> place(command));
    } catch (Refusal refusal) {
      return new PlaceOrderResult.Refused(refusal.reason);
    }
  }

  private PlaceOrderResult place(PlaceOrderCommand command) {
    Optional<PlaceOrderResult> earlier = placedBefore(command);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Optional<User> user = users.lock(command.user());
    if (user.isEmpty()) {
      return new PlaceOrderResult.Refused(OrderRefusal.UNKNOWN_USER);
    }
    // A placement with the same key may have committed while we waited for the lock.
    earlier = placedBefore(command);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Instant now = clock.now();
    if (!command.quote().isValidAt(now)) {
      return new PlaceOrderResult.Refused(OrderRefusal.QUOTE_EXPIRED);
    }
    OrderFacts facts = new OrderFacts(user.get().isBanned(), jobs.activeOrders(command.user()),
        jobs.spentSince(command.user(), now.minus(SPEND_WINDOW)));
    LimitDecision decision = limits.check(facts, command.quote().total());
    if (!decision.isAllowed()) {
      return new PlaceOrderResult.Refused(refusalFor(decision.refusal().orElseThrow()));
    }

    OrderId orderId = OrderId.of(ids.newId());
    Instant deadline = now.plus(timings.deadline());
    List<Job> placed = new ArrayList<>();
    for (int item = 0; item < command.quote().count(); item++) {
      JobId jobId = JobId.of(ids.newId());
      TransferId holdId = TransferId.of(ids.newId());
      TransferResult hold = ledger.apply(
          JobHolds.hold(jobId, command.user(), command.quote().unitPrice(), deadline.plus(timings.holdMargin())),
          holdId, now);
      if (hold instanceof TransferResult.Refused refused) {
        if (refused.reason() == TransferRefusal.INSUFFICIENT_FUNDS) {
          // Throwing rolls back the holds of the earlier items too: all or nothing.
          throw new Refusal(OrderRefusal.INSUFFICIENT_FUNDS);
        }
        throw new IllegalStateException("hold for job " + jobId + " refused: " + refused.reason());
      }
      Job job = Job.queue(jobId, orderId, command.user(), command.quote().item().jobKind(), command.parameters(),
          command.quote().unitPrice(), holdId, deadline, now);
      jobs.insert(job);
      placed.add(job);
    }
    Order order = new Order(orderId, command.user(), command.key(), command.quote().item().jobKind(),
        command.quote().unitPrice(), placed.stream().map(Job::id).toList(), now);
    orders.insert(order);
    // The kind and job ids let the chat show the order's status before anything else about it arrives.
    notifier.tell(command.user(), Notice.Type.ORDER_PLACED, Map.of("orderId", orderId.toString(),
        "count", Integer.toString(order.count()), "total", order.total().toString(), "kind", order.kind().name(),
        "jobIds", String.join(",", placed.stream().map(job -> job.id().toString()).toList())));
    workSignal.signal();
    return new PlaceOrderResult.Placed(order, placed, false);
  }

  /** The order this key placed before, if any: the same answer again, or a refusal if the key meant another order. */
  private Optional<PlaceOrderResult> placedBefore(PlaceOrderCommand command) {
    return orders.findByKey(command.key()).map(order -> {
      List<Job> placed = jobs.ofOrder(order.id());
      boolean same = order.userId().equals(command.user())
          && order.kind() == command.quote().item().jobKind()
          && order.unitPrice().equals(command.quote().unitPrice())
          && order.count() == command.quote().count()
          && placed.stream().allMatch(job -> job.parameters().equals(command.parameters()));
      return same
          ? new PlaceOrderResult.Placed(order, placed, true)
          : new PlaceOrderResult.Refused(OrderRefusal.KEY_USED_FOR_ANOTHER_ORDER);
    });
  }

  private static OrderRefusal refusalFor(LimitRefusal refusal) {
    return switch (refusal) {
      case BANNED -> OrderRefusal.BANNED;
      case TOO_MANY_ACTIVE_ORDERS -> OrderRefusal.TOO_MANY_ACTIVE_ORDERS;
      case HOURLY_SPEND_CAP -> OrderRefusal.HOURLY_SPEND_CAP;
      case RATE_LIMITED, BLOCKED -> throw new IllegalStateException("order limits never rate-limit: " + refusal);
    };
  }

  /** Carries a refusal out of the transaction, rolling it back. */
  private static final class Refusal extends RuntimeException {
    private final OrderRefusal reason;

    Refusal(OrderRefusal reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }
  }
}
