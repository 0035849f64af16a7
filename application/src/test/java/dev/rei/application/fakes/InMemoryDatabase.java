package dev.rei.application.fakes;

import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state behind every in-memory store, with real transactions: one transaction at a time
 * (serializable), nested calls join, and an exception restores every store to how it was when
 * the transaction began. A store call outside a transaction is a transaction of its own.
 */
public final class InMemoryDatabase implements UnitOfWork {

  private final ReentrantLock lock = new ReentrantLock();
  private State state = new State();
  private int depth;
  private final List<Runnable> afterCommit = new ArrayList<>();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return run(work, true);
  }

  /**
   * Runs {@code work} in the current transaction or a new one. A nested {@link #inTransaction} is a
   * savepoint (its failure restores the state it started from); a store's own access just joins.
   */
  private <T> T run(Supplier<T> work, boolean savepoint) {
    lock.lock();
    try {
      if (depth > 0 && !savepoint) {
        return work.get();
      }
      State before = state.copy();
      int actionsBefore = afterCommit.size();
      depth++;
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        state = before;
        afterCommit.subList(actionsBefore, afterCommit.size()).clear();
        throw e;
      } finally {
        depth--;
      }
    } finally {
      List<Runnable> committed = depth == 0 ? drainAfterCommit() : List.of();
      lock.unlock();
      committed.forEach(Runnable::run);
    }
  }

  /** Runs {@code action} once the current transaction commits (never if it rolls back), or now outside one. */
  public void afterCommit(Runnable action) {
    lock.lock();
    try {
      if (depth > 0) {
        afterCommit.add(action);
        return;
      }
    } finally {
      lock.unlock();
    }
    action.run();
  }

  private List<Runnable> drainAfterCommit() {
    List<Runnable> actions = List.copyOf(afterCommit);
    afterCommit.clear();
    return actions;
  }

  /** Runs {@code access} on the state in the current transaction, or in one of its own. */
  <T> T access(java.util.function.Function<State, T> access) {
    return run(() -> access.apply(state), false);
  }

  void change(java.util.function.Consumer<State> change) {
    run(() -> {
      change.accept(state);
      return null;
    }, false);
  }

  /** Every table, as plain collections of immutable values; copied whole at each transaction start. */
  static final class State {
    final Map<UserId, User> users;
    final Map<AccountId, AccountBalance> accounts;
    final List<Transfer> transfers;
    final Map<TransferId, Transfer> transfersById;
    final Map<IdempotencyKey, Transfer> transfersByKey;
    final Map<TransferId, Transfer> resolutions;
    final Map<OrderId, Order> orders;
    final Map<IdempotencyKey, Order> ordersByKey;
    final Map<JobId, Job> jobs;
    final Map<PaymentId, Payment> payments;
    final Map<UUID, OutboxMessage> outbox;
    final Map<UUID, String> undeliverable;
    final List<AuditLog.Entry> audit;
    final Map<String, java.time.Instant> alertsSent;
    final Map<UserId, String> usernames;

    State() {
      users = new HashMap<>();
      accounts = new LinkedHashMap<>();
      for (SystemAccount account : SystemAccount.values()) {
        accounts.put(account, AccountBalance.empty(account));
      }
      transfers = new ArrayList<>();
      transfersById = new HashMap<>();
      transfersByKey = new HashMap<>();
      resolutions = new HashMap<>();
      orders = new HashMap<>();
      ordersByKey = new HashMap<>();
      jobs = new LinkedHashMap<>();
      payments = new LinkedHashMap<>();
      outbox = new LinkedHashMap<>();
      undeliverable = new HashMap<>();
      audit = new ArrayList<>();
      alertsSent = new HashMap<>();
      usernames = new HashMap<>();
    }

    private State(State other) {
      users = new HashMap<>(other.users);
      accounts = new LinkedHashMap<>(other.accounts);
      transfers = new ArrayList<>(other.transfers);
      transfersById = new HashMap<>(other.transfersById);
      transfersByKey = new HashMap<>(other.transfersByKey);
      resolutions = new HashMap<>(other.resolutions);
      orders = new HashMap<>(other.orders);
      ordersByKey = new HashMap<>(other.ordersByKey);
      jobs = new LinkedHashMap<>(other.jobs);
      payments = new LinkedHashMap<>(other.payments);
      outbox = new LinkedHashMap<>(other.outbox);
      undeliverable = new HashMap<>(other.undeliverable);
      audit = new ArrayList<>(other.audit);
      alertsSent = new HashMap<>(other.alertsSent);
      usernames = new HashMap<>(other.usernames);
    }

    State copy() {
      return new State(this);
    }
  }
}
