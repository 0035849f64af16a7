package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Hold;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.LedgerAudit;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.ReleaseReason;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRefusal;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LedgerStore} must do, whatever stores it. Subclasses give a fresh, empty
 * store; the same assertions then hold for the in-memory fake and for PostgreSQL.
 */
public abstract class LedgerStoreContract {

  protected static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
  protected static final UserId ALICE = UserId.of(1001);
  protected static final UserId BOB = UserId.of(1002);

  /** The stores under test, sharing one unit of work. */
  public record Kit(UnitOfWork unitOfWork, UserStore users, LedgerStore ledger) {}

  protected abstract Kit newKit();

  private final AtomicLong ids = new AtomicLong();
  private Kit kit;
  private LedgerStore ledger;

  @BeforeEach
  void openAccounts() {
    kit = newKit();
    ledger = kit.ledger();
    for (UserId user : List.of(ALICE, BOB)) {
      kit.users().insertIfAbsent(User.register(user, Language.RU, T0));
      ledger.openAccount(user);
    }
  }

  private TransferId nextId() {
    return TransferId.of(new UUID(0x1000L, ids.incrementAndGet()));
  }

  private TransferResult apply(TransferRequest request, Instant at) {
    return kit.unitOfWork().inTransaction(() -> ledger.apply(request, nextId(), at));
  }

  private static TransferRequest.Post topUp(String key, UserId user, long credits) {
    return new TransferRequest.Post(IdempotencyKey.of(key), SystemAccount.SALES, AccountId.user(user), Credits.of(credits),
        TransferKind.TOP_UP, TransferMemo.of(ReferenceType.PAYMENT, key));
  }

  private static TransferRequest.Hold hold(String key, UserId user, long credits, Optional<Instant> expiresAt) {
    return new TransferRequest.Hold(IdempotencyKey.of(key), AccountId.user(user), SystemAccount.REVENUE,
        Credits.of(credits), TransferKind.SPEND, TransferMemo.of(ReferenceType.JOB, key), expiresAt);
  }

  private static TransferId recorded(TransferResult result) {
    assertThat(result).isInstanceOf(TransferResult.Recorded.class);
    return ((TransferResult.Recorded) result).transfer().id();
  }

  private void assertAuditClean() {
    assertThat(kit.unitOfWork().inTransaction(() -> LedgerAudit.check(ledger.balances(), ledger.transfers()))).isEmpty();
  }

  @Test
  void givenOpenedAccount_openAgain_changesNothing() {
    apply(topUp("t1", ALICE, 5), T0);

    ledger.openAccount(ALICE);

    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(5), Credits.ZERO, Credits.of(5)));
  }

  @Test
  void givenUnknownUser_balance_isZero_andPostingToThemIsRefused() {
    UserId stranger = UserId.of(77);
    assertThat(ledger.balanceOf(stranger)).isEqualTo(UserBalance.ZERO);
    assertThat(apply(topUp("t1", stranger, 5), T0))
        .isEqualTo(new TransferResult.Refused(TransferRefusal.ACCOUNT_NOT_FOUND));
  }

  @Test
  void givenTopUp_thenHoldAndCapture_balancesFollowAndTheRecordIsFaithful() {
    apply(topUp("t1", ALICE, 10), T0);
    TransferId holdId = recorded(apply(hold("h1", ALICE, 4, Optional.of(T0.plusSeconds(600))), T0));
    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(10), Credits.of(4), Credits.of(6)));

    TransferResult capture = apply(new TransferRequest.Capture(IdempotencyKey.of("c1"), holdId, Credits.of(3)),
        T0.plusSeconds(1));

    recorded(capture);
    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(7), Credits.ZERO, Credits.of(7)));
    Transfer stored = ledger.transfer(holdId).orElseThrow();
    assertThat(stored.expiresAt()).contains(T0.plusSeconds(600));
    assertThat(stored.memo()).isEqualTo(TransferMemo.of(ReferenceType.JOB, "h1"));
    Hold resolved = ledger.hold(holdId).orElseThrow();
    assertThat(resolved.status()).isEqualTo(Hold.Status.CAPTURED);
    assertThat(resolved.resolution()).contains(((TransferResult.Recorded) capture).transfer());
    assertAuditClean();
  }

  @Test
  void givenEveryRefusal_theStoreAgreesWithTheRules() {
    apply(topUp("t1", ALICE, 5), T0);
    TransferId holdId = recorded(apply(hold("h1", ALICE, 5, Optional.of(T0.plusSeconds(60))), T0));

    assertThat(apply(hold("h2", ALICE, 1, Optional.empty()), T0))
        .isEqualTo(new TransferResult.Refused(TransferRefusal.INSUFFICIENT_FUNDS));
    assertThat(apply(topUp("t1", ALICE, 6), T0))
        .isEqualTo(new TransferResult.Refused(TransferRefusal.IDEMPOTENCY_KEY_REUSED));
    assertThat(apply(new TransferRequest.Capture(IdempotencyKey.of("c0"), TransferId.of(new UUID(9, 9)), Credits.of(1)), T0))
        .isEqualTo(new TransferResult.Refused(TransferRefusal.HOLD_NOT_FOUND));
    TransferId postId = ledger.transfers().get(0).id();
    assertThat(apply(new TransferRequest.Release(IdempotencyKey.of("r0"), postId, ReleaseReason.FAILED), T0))
        .isEqualTo(new TransferResult.Refused(TransferRefusal.NOT_A_HOLD));
    assertThat(apply(new TransferRequest.Capture(IdempotencyKey.of("c1"), holdId, Credits.of(6)), T0))
        .isEqualTo(new TransferResult.Refused(TransferRefusal.CAPTURE_EXCEEDS_HOLD));
    assertThat(apply(new TransferRequest.Capture(IdempotencyKey.of("c2"), holdId, Credits.of(1)), T0.plusSeconds(60)))
        .isEqualTo(new TransferResult.Refused(TransferRefusal.HOLD_EXPIRED));
    recorded(apply(new TransferRequest.Release(IdempotencyKey.of("r1"), holdId, ReleaseReason.EXPIRED), T0.plusSeconds(60)));
    assertThat(apply(new TransferRequest.Release(IdempotencyKey.of("r2"), holdId, ReleaseReason.FAILED), T0))
        .isEqualTo(new TransferResult.Refused(TransferRefusal.HOLD_ALREADY_RELEASED));
    assertThat(ledger.balanceOf(ALICE).available()).isEqualTo(Credits.of(5));
    assertAuditClean();
  }

  @Test
  void givenSameRequestTwice_apply_returnsTheFirstTransferAndChangesNothing() {
    TransferResult first = apply(topUp("t1", ALICE, 5), T0);

    TransferResult again = apply(topUp("t1", ALICE, 5), T0.plusSeconds(30));

    assertThat(again).isEqualTo(new TransferResult.Replayed(((TransferResult.Recorded) first).transfer()));
    assertThat(ledger.balanceOf(ALICE).posted()).isEqualTo(Credits.of(5));
    assertThat(ledger.transfers()).hasSize(1);
  }

  @Test
  void givenRolledBackTransaction_nothingOfItRemains() {
    try {
      kit.unitOfWork().inTransaction(() -> {
        ledger.apply(topUp("t1", ALICE, 5), nextId(), T0);
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      // The point is what it left behind.
    }

    assertThat(ledger.balanceOf(ALICE)).isEqualTo(UserBalance.ZERO);
    assertThat(ledger.transfers()).isEmpty();
    recorded(apply(topUp("t1", ALICE, 5), T0));
  }

  @Test
  void givenMixedEntries_history_isNewestFirst_filtered_paged_andOnlyTheUsers() {
    apply(topUp("t1", ALICE, 10), T0);
    apply(topUp("b1", BOB, 10), T0);
    TransferId holdId = recorded(apply(hold("h1", ALICE, 2, Optional.empty()), T0.plusSeconds(1)));
    apply(new TransferRequest.Release(IdempotencyKey.of("r1"), holdId, ReleaseReason.FAILED), T0.plusSeconds(2));
    apply(new TransferRequest.Post(IdempotencyKey.of("w1"), SystemAccount.BONUS, AccountId.user(ALICE), Credits.of(1),
        TransferKind.BONUS, TransferMemo.of(ReferenceType.PROMOTION, "p")), T0.plusSeconds(3));

    List<Transfer> all = ledger.history(ALICE, T0, Set.of(), 0, 10);
    assertThat(all).extracting(t -> t.key().value()).containsExactly("w1", "r1", "h1", "t1");
    assertThat(ledger.history(ALICE, T0, Set.of(HistoryCategory.RETURN, HistoryCategory.BONUS), 0, 10))
        .extracting(t -> t.key().value()).containsExactly("w1", "r1");
    assertThat(ledger.history(ALICE, T0, Set.of(), 1, 2)).extracting(t -> t.key().value()).containsExactly("r1", "h1");
    assertThat(ledger.history(ALICE, T0.plusSeconds(2), Set.of(), 0, 10)).hasSize(2);
  }

  @Test
  void givenHoldsWithExpiry_expiredHolds_listsOnlyUnresolvedOnesPastTheirTime() {
    apply(topUp("t1", ALICE, 10), T0);
    TransferId soon = recorded(apply(hold("h1", ALICE, 1, Optional.of(T0.plusSeconds(10))), T0));
    recorded(apply(hold("h2", ALICE, 1, Optional.of(T0.plusSeconds(100))), T0));
    TransferId released = recorded(apply(hold("h3", ALICE, 1, Optional.of(T0.plusSeconds(5))), T0));
    apply(new TransferRequest.Release(IdempotencyKey.of("r3"), released, ReleaseReason.CANCELLED), T0);
    recorded(apply(hold("h4", ALICE, 1, Optional.empty()), T0));

    assertThat(ledger.expiredHolds(T0.plusSeconds(10), 10)).extracting(Hold::id).containsExactly(soon);
    assertThat(ledger.expiredHolds(T0.plusSeconds(9), 10)).isEmpty();
  }

  @Test
  void givenCapturesAndReleases_totalsSince_sumByCategory() {
    apply(topUp("t1", ALICE, 10), T0);
    TransferId a = recorded(apply(hold("h1", ALICE, 3, Optional.empty()), T0));
    TransferId b = recorded(apply(hold("h2", ALICE, 2, Optional.empty()), T0));
    apply(new TransferRequest.Capture(IdempotencyKey.of("c1"), a, Credits.of(3)), T0);
    apply(new TransferRequest.Release(IdempotencyKey.of("r2"), b, ReleaseReason.FAILED), T0);

    assertThat(ledger.totalsSince(T0)).containsEntry(HistoryCategory.TOP_UP, 10L)
        .containsEntry(HistoryCategory.SPEND, 3L).containsEntry(HistoryCategory.RETURN, 2L);
    assertThat(ledger.totalsSince(T0.plusSeconds(1))).isEmpty();
  }
}
