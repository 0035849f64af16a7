package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.job.Job;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What every {@link dev.rei.application.port.out.UnitOfWork} must do with the stores that share it:
 * all or nothing, nested calls join (a failing nested call undoes only its own writes), exceptions come out unchanged, locks last until the end.
 */
public abstract class UnitOfWorkContract extends StoreContract {

  /** Something of every store, written in the current transaction. */
  private void writeToEveryStore(UserId user) {
    registerFunded(user, 10);
    List<Job> jobs = placeOrder(user, 2, T0);
    kit.payments().insert(Payment.start(PaymentId.of(nextUuid()), Rail.YOOKASSA, user, Money.parse("10.00",
        Currency.RUB), new CreditGrant(Credits.of(10), Credits.ZERO), T0));
    kit.outbox().enqueue(OutboxMessage.create(nextUuid(), user.value(), Notice.of(Notice.Type.WELCOME), T0));
    kit.auditLog().record(new AuditLog.Entry(UserId.of(900), "adjust", user, "+10", "test", T0));
    assertThat(kit.jobs().liveOf(user)).containsExactlyElementsOf(jobs);
  }

  private void assertNothingOf(UserId user) {
    assertThat(kit.users().find(user)).isEmpty();
    assertThat(kit.users().count()).isZero();
    assertThat(kit.ledger().balanceOf(user)).isEqualTo(UserBalance.ZERO);
    assertThat(kit.ledger().transfers()).isEmpty();
    assertThat(kit.jobs().liveOf(user)).isEmpty();
    assertThat(kit.jobs().countByState()).isEmpty();
    assertThat(kit.payments().latestOf(user, 10)).isEmpty();
    assertThat(kit.outbox().countUnsent()).isZero();
    assertThat(kit.auditLog().about(user, 10)).isEmpty();
  }

  @Test
  void givenWorkThatThrows_inTransaction_undoesEveryStore_andRethrowsTheSameException() {
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(() -> kit.unitOfWork().inTransaction(() -> {
      writeToEveryStore(ALICE);
      throw failure;
    })).isSameAs(failure);

    assertNothingOf(ALICE);
  }

  @Test
  void givenWorkThatThrowsAnError_inTransaction_rollsBackToo() {
    AssertionError failure = new AssertionError("an Error, not an Exception");

    assertThatThrownBy(() -> kit.unitOfWork().inTransaction(() -> {
      writeToEveryStore(ALICE);
      throw failure;
    })).isSameAs(failure);

    assertNothingOf(ALICE);
  }

  @Test
  void givenWorkThatSucceeds_inTransaction_returnsItsResult_andEverythingIsThereAfterwards() {
    String result = kit.unitOfWork().inTransaction(() -> {
      writeToEveryStore(ALICE);
      return "done";
    });

    assertThat(result).isEqualTo("done");
    assertThat(kit.users().find(ALICE)).isPresent();
    assertThat(kit.ledger().balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(10), Credits.of(2), Credits.of(8)));
    assertThat(kit.jobs().activeOrders(ALICE)).isEqualTo(1);
    assertThat(kit.payments().latestOf(ALICE, 10)).hasSize(1);
    assertThat(kit.outbox().countUnsent()).isEqualTo(1);
    assertThat(kit.auditLog().about(ALICE, 10)).hasSize(1);
  }

  @Test
  void givenNestedCall_itJoinsTheOuterTransaction_soAnOuterFailureUndoesTheInnerWork() {
    assertThatThrownBy(() -> kit.unitOfWork().inTransaction(() -> {
      kit.unitOfWork().inTransaction(() -> writeToEveryStore(ALICE));
      assertThat(kit.users().find(ALICE)).as("the inner work is visible to the outer").isPresent();
      throw new IllegalStateException("outer fails after the inner finished");
    })).hasMessage("outer fails after the inner finished");

    assertNothingOf(ALICE);
  }

  @Test
  void givenNestedCallThatThrows_onlyItsOwnWritesAreUndone_andTheOuterWorkCommits() {
    // An embedder's transaction calling a use case that fails must not keep the use case's half-done writes.
    kit.unitOfWork().inTransaction(() -> {
      kit.users().insertIfAbsent(User.register(ALICE, Language.EN, T0));
      try {
        kit.unitOfWork().inTransaction(() -> {
          writeToEveryStore(BOB);
          throw new IllegalStateException("inner fails half-way");
        });
      } catch (IllegalStateException expected) {
        assertOnlyAliceIsThere();
      }
      return null;
    });

    assertOnlyAliceIsThere();
  }

  private void assertOnlyAliceIsThere() {
    assertThat(kit.users().find(ALICE)).isPresent();
    assertThat(kit.users().count()).isEqualTo(1);
    assertThat(kit.ledger().transfers()).isEmpty();
    assertThat(kit.jobs().countByState()).isEmpty();
    assertThat(kit.payments().latestOf(BOB, 10)).isEmpty();
    assertThat(kit.outbox().countUnsent()).isZero();
    assertThat(kit.auditLog().about(BOB, 10)).isEmpty();
  }

  @Test
  void givenNestedCallThatThrows_theExceptionReachesTheOuterUnchanged_andTheOuterDecides() {
    IllegalArgumentException inner = new IllegalArgumentException("inner");

    Object caught = kit.unitOfWork().inTransaction(() -> {
      kit.users().insertIfAbsent(User.register(ALICE, Language.EN, T0));
      try {
        kit.unitOfWork().inTransaction(() -> {
          throw inner;
        });
      } catch (IllegalArgumentException e) {
        return e;
      }
      return null;
    });

    assertThat(caught).isSameAs(inner);
    assertThat(kit.users().find(ALICE)).as("the outer transaction committed").isPresent();
  }

  @Test
  void givenStoreCallOutsideATransaction_itCommitsOnItsOwn() {
    kit.users().insertIfAbsent(User.register(ALICE, Language.EN, T0));

    assertThatThrownBy(() -> kit.unitOfWork().inTransaction(() -> {
      kit.users().insertIfAbsent(User.register(BOB, Language.EN, T0));
      throw new IllegalStateException("undo Bob only");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(kit.users().find(ALICE)).isPresent();
    assertThat(kit.users().find(BOB)).isEmpty();
  }

  @Test
  void givenAFailedTransaction_theNextOneOnTheSameThreadStartsClean() {
    assertThatThrownBy(() -> kit.unitOfWork().inTransaction(() -> {
      writeToEveryStore(ALICE);
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);

    kit.unitOfWork().inTransaction(() -> writeToEveryStore(ALICE));

    assertThat(kit.ledger().balanceOf(ALICE).posted()).isEqualTo(Credits.of(10));
    assertThat(kit.outbox().countUnsent()).isEqualTo(1);
  }

  @Test
  void givenAUserLockedInOneTransaction_anotherTransactionLockingThemWaitsForItsEnd() throws Exception {
    kit.users().insertIfAbsent(User.register(ALICE, Language.EN, T0));
    CountDownLatch locked = new CountDownLatch(1);
    AtomicBoolean firstEnded = new AtomicBoolean();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = threads.submit(() -> kit.unitOfWork().inTransaction(() -> {
        kit.users().lock(ALICE).orElseThrow();
        locked.countDown();
        pause();
        kit.users().update(kit.users().find(ALICE).orElseThrow().ban(T0.plusSeconds(1)));
        firstEnded.set(true);
      }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

      Future<Boolean> second = threads.submit(() -> kit.unitOfWork().inTransaction(() -> {
        User seen = kit.users().lock(ALICE).orElseThrow();
        return firstEnded.get() && seen.isBanned();
      }));

      first.get(30, TimeUnit.SECONDS);
      assertThat(second.get(30, TimeUnit.SECONDS)).as("the second lock saw the first transaction's commit").isTrue();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void givenTransactionsOnManyThreads_eachCommitsAlone() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> work = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        UserId user = UserId.of(5000 + i);
        boolean fail = i % 2 == 0;
        work.add(threads.submit(() -> {
          try {
            return kit.unitOfWork().inTransaction(() -> {
              registerFunded(user, 3);
              if (fail) {
                throw new IllegalStateException("fail " + user);
              }
              return user;
            });
          } catch (IllegalStateException e) {
            return e;
          }
        }));
      }
      for (Future<Object> future : work) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(kit.users().count()).isEqualTo(4);
    for (int i = 0; i < 8; i++) {
      assertThat(kit.ledger().balanceOf(UserId.of(5000 + i)).posted()).isEqualTo(Credits.of(i % 2 == 0 ? 0 : 3));
    }
    assertThat(kit.ledger().transfers()).hasSize(4);
  }

  /** Long enough for a second transaction to reach the lock if nothing stopped it. */
  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
