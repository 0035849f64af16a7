package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.ledger.AccountBalance;
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
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LedgerStore} must do, whatever stores it: decide with the domain's rules,
 * store what they record faithfully and atomically, and answer the queries the core asks.
 */
public abstract class LedgerStoreContract extends StoreContract {

  private final AtomicLong transferIds = new AtomicLong();
  private LedgerStore ledger;

  @BeforeEach
  void openAccounts() {
    ledger = kit.ledger();
    registerFunded(ALICE, 0);
    registerFunded(BOB, 0);
  }

  private TransferId nextId() {
    return TransferId.of(new UUID(0x1000L, transferIds.incrementAndGet()));
  }

  private TransferResult apply(TransferRequest request, Instant at) {
    return inTransaction(() -> ledger.apply(request, nextId(), at));
  }

  private TransferId record(TransferRequest request, Instant at) {
    return requireRecorded(apply(request, at));
  }

  private static TransferRequest.Post topUp(String key, UserId user, long credits) {
    return new TransferRequest.Post(IdempotencyKey.of(key), SystemAccount.SALES, AccountId.user(user), Credits.of(credits),
        TransferKind.TOP_UP, TransferMemo.of(ReferenceType.PAYMENT, key));
  }

  private static TransferRequest.Hold hold(String key, UserId user, long credits, Optional<Instant> expiresAt) {
    return new TransferRequest.Hold(IdempotencyKey.of(key), AccountId.user(user), SystemAccount.REVENUE,
        Credits.of(credits), TransferKind.SPEND, TransferMemo.of(ReferenceType.JOB, key), expiresAt);
  }

  private static TransferRequest.Capture capture(String key, TransferId hold, long credits) {
    return new TransferRequest.Capture(IdempotencyKey.of(key), hold, Credits.of(credits));
  }

  private static TransferRequest.Release release(String key, TransferId hold, ReleaseReason reason) {
    return new TransferRequest.Release(IdempotencyKey.of(key), hold, reason);
  }

  private static TransferResult refused(TransferRefusal reason) {
    return new TransferResult.Refused(reason);
  }

  private AccountBalance account(AccountId account) {
    return ledger.balances().stream().filter(b -> b.account().equals(account)).findFirst().orElseThrow();
  }

  private void assertAuditClean() {
    assertThat(inTransaction(() -> LedgerAudit.check(ledger.balances(), ledger.transfers()))).isEmpty();
  }

  @Test
  void givenOpenedAccount_openAgain_changesNothing() {
    record(topUp("t1", ALICE, 5), T0);

    ledger.openAccount(ALICE);

    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(5), Credits.ZERO, Credits.of(5)));
  }

  @Test
  void givenNoActivity_balances_listEverySystemAccountAndEachOpenedUser_atZero() {
    assertThat(ledger.balances()).extracting(AccountBalance::account).containsExactlyInAnyOrder(SystemAccount.SALES,
        SystemAccount.BONUS, SystemAccount.ADJUSTMENTS, SystemAccount.REVENUE, AccountId.user(ALICE),
        AccountId.user(BOB));
    assertThat(ledger.balances()).allSatisfy(b -> assertThat(b).isEqualTo(AccountBalance.empty(b.account())));
    assertThat(ledger.transfers()).isEmpty();
  }

  @Test
  void givenUnknownUser_balanceIsZero_andRequestsNamingThemAreRefused() {
    UserId stranger = UserId.of(77);
    assertThat(ledger.balanceOf(stranger)).isEqualTo(UserBalance.ZERO);

    assertThat(apply(topUp("t1", stranger, 5), T0)).isEqualTo(refused(TransferRefusal.ACCOUNT_NOT_FOUND));
    assertThat(apply(hold("h1", stranger, 1, Optional.empty()), T0)).isEqualTo(refused(TransferRefusal.ACCOUNT_NOT_FOUND));
    assertThat(ledger.transfers()).isEmpty();
    assertThat(ledger.balanceOf(stranger)).isEqualTo(UserBalance.ZERO);
  }

  @Test
  void givenTopUp_thenHoldAndPartialCapture_countersFollowOnBothSides() {
    record(topUp("t1", ALICE, 10), T0);
    TransferId holdId = record(hold("h1", ALICE, 4, Optional.of(T0.plusSeconds(600))), T0);
    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(10), Credits.of(4), Credits.of(6)));
    assertThat(account(SystemAccount.REVENUE)).isEqualTo(new AccountBalance(SystemAccount.REVENUE, Credits.ZERO,
        Credits.ZERO, Credits.ZERO, Credits.of(4)));

    TransferResult capture = apply(capture("c1", holdId, 3), T0.plusSeconds(1));

    assertThat(capture).isInstanceOf(TransferResult.Recorded.class);
    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(7), Credits.ZERO, Credits.of(7)));
    assertThat(account(AccountId.user(ALICE))).isEqualTo(new AccountBalance(AccountId.user(ALICE), Credits.of(3),
        Credits.of(10), Credits.ZERO, Credits.ZERO));
    assertThat(account(SystemAccount.REVENUE)).isEqualTo(new AccountBalance(SystemAccount.REVENUE, Credits.ZERO,
        Credits.of(3), Credits.ZERO, Credits.ZERO));
    // System accounts may go below zero: sales paid for the top-up.
    assertThat(account(SystemAccount.SALES).netPosted()).isEqualTo(-10);
    Hold resolved = ledger.hold(holdId).orElseThrow();
    assertThat(resolved.status()).isEqualTo(Hold.Status.CAPTURED);
    assertThat(resolved.resolution()).contains(((TransferResult.Recorded) capture).transfer());
    assertAuditClean();
  }

  @Test
  void givenHold_captureOfNothing_givesEveryHeldCreditBack() {
    record(topUp("t1", ALICE, 5), T0);
    TransferId holdId = record(hold("h1", ALICE, 5, Optional.empty()), T0);

    Transfer zero = ((TransferResult.Recorded) apply(capture("c1", holdId, 0), T0)).transfer();

    assertThat(zero.amount()).isEqualTo(Credits.ZERO);
    assertThat(zero.category()).isEqualTo(HistoryCategory.RETURN);
    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(5), Credits.ZERO, Credits.of(5)));
    assertThat(ledger.hold(holdId).orElseThrow().status()).isEqualTo(Hold.Status.CAPTURED);
    assertAuditClean();
  }

  @Test
  void givenHold_release_givesTheCreditsBack_andRecordsTheReason() {
    record(topUp("t1", ALICE, 5), T0);
    TransferId holdId = record(hold("h1", ALICE, 3, Optional.empty()), T0);

    TransferId releaseId = record(release("r1", holdId, ReleaseReason.CANCELLED), T0.plusSeconds(2));

    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(5), Credits.ZERO, Credits.of(5)));
    assertThat(account(SystemAccount.REVENUE)).isEqualTo(AccountBalance.empty(SystemAccount.REVENUE));
    Transfer stored = ledger.transfer(releaseId).orElseThrow();
    assertThat(stored.type()).isEqualTo(TransferType.RELEASE);
    assertThat(stored.pendingId()).contains(holdId);
    assertThat(stored.releaseReason()).contains(ReleaseReason.CANCELLED);
    assertThat(stored.debit()).isEqualTo(AccountId.user(ALICE));
    assertThat(stored.credit()).isEqualTo(SystemAccount.REVENUE);
    assertThat(ledger.hold(holdId).orElseThrow().status()).isEqualTo(Hold.Status.RELEASED);
    assertAuditClean();
  }

  @Test
  void givenEveryKindOfTransfer_theStoredOneEqualsTheRecordedOne() {
    Instant at = T0.plusNanos(123_456_000);
    TransferMemo memo = new TransferMemo(ReferenceType.PROMOTION, "spring-2026", "Весенний бонус \"x2\" ✓");
    List<TransferResult> results = List.of(
        apply(topUp("t1", ALICE, 20), at),
        apply(new TransferRequest.Post(IdempotencyKey.of("b1"), SystemAccount.BONUS, AccountId.user(ALICE), Credits.of(2),
            TransferKind.BONUS, memo), at),
        apply(new TransferRequest.Post(IdempotencyKey.of("a1"), AccountId.user(ALICE), SystemAccount.ADJUSTMENTS,
            Credits.of(1), TransferKind.ADJUSTMENT, TransferMemo.of(ReferenceType.ADMIN_ACTION, 900)), at),
        apply(hold("h1", ALICE, 4, Optional.of(at.plusSeconds(3600))), at),
        apply(hold("h2", ALICE, 4, Optional.empty()), at));
    TransferId h1 = ((TransferResult.Recorded) results.get(3)).transfer().id();
    TransferId h2 = ((TransferResult.Recorded) results.get(4)).transfer().id();
    List<TransferResult> resolutions = List.of(apply(capture("c1", h1, 2), at.plusSeconds(1)),
        apply(release("r2", h2, ReleaseReason.ABORTED), at.plusSeconds(1)));

    List<Transfer> recorded = java.util.stream.Stream.concat(results.stream(), resolutions.stream())
        .map(r -> ((TransferResult.Recorded) r).transfer()).toList();
    for (Transfer transfer : recorded) {
      assertThat(ledger.transfer(transfer.id())).contains(transfer);
    }
    assertThat(ledger.transfers()).containsExactlyElementsOf(recorded);
    assertAuditClean();
  }

  @Test
  void givenEveryRefusal_theStoreAgreesWithTheRules_andRecordsNothing() {
    record(topUp("t1", ALICE, 5), T0);
    TransferId holdId = record(hold("h1", ALICE, 5, Optional.of(T0.plusSeconds(60))), T0);
    record(topUp("tb", BOB, 1), T0);
    TransferId captured = record(hold("h0", BOB, 1, Optional.empty()), T0);
    int before = ledger.transfers().size();

    assertThat(apply(hold("h2", ALICE, 1, Optional.empty()), T0)).isEqualTo(refused(TransferRefusal.INSUFFICIENT_FUNDS));
    assertThat(apply(new TransferRequest.Post(IdempotencyKey.of("a1"), AccountId.user(BOB), SystemAccount.ADJUSTMENTS,
        Credits.of(1), TransferKind.ADJUSTMENT, TransferMemo.of(ReferenceType.ADMIN_ACTION, 1)), T0))
        .isEqualTo(refused(TransferRefusal.INSUFFICIENT_FUNDS));
    assertThat(apply(topUp("t1", ALICE, 6), T0)).isEqualTo(refused(TransferRefusal.IDEMPOTENCY_KEY_REUSED));
    assertThat(apply(capture("c0", TransferId.of(new UUID(9, 9)), 1), T0))
        .isEqualTo(refused(TransferRefusal.HOLD_NOT_FOUND));
    TransferId postId = ledger.transfers().get(0).id();
    assertThat(apply(release("r0", postId, ReleaseReason.FAILED), T0)).isEqualTo(refused(TransferRefusal.NOT_A_HOLD));
    assertThat(apply(capture("c1", holdId, 6), T0)).isEqualTo(refused(TransferRefusal.CAPTURE_EXCEEDS_HOLD));
    assertThat(apply(capture("c2", holdId, 1), T0.plusSeconds(60))).isEqualTo(refused(TransferRefusal.HOLD_EXPIRED));
    assertThat(apply(hold("h3", ALICE, 1, Optional.of(T0)), T0))
        .isEqualTo(refused(TransferRefusal.HOLD_EXPIRES_IN_THE_PAST));
    assertThat(ledger.transfers()).hasSize(before);

    record(release("r1", holdId, ReleaseReason.EXPIRED), T0.plusSeconds(60));
    assertThat(apply(release("r2", holdId, ReleaseReason.FAILED), T0)).isEqualTo(refused(TransferRefusal.HOLD_ALREADY_RELEASED));
    assertThat(apply(capture("c3", holdId, 1), T0)).isEqualTo(refused(TransferRefusal.HOLD_ALREADY_RELEASED));
    record(capture("c4", captured, 1), T0);
    assertThat(apply(release("r3", captured, ReleaseReason.FAILED), T0))
        .isEqualTo(refused(TransferRefusal.HOLD_ALREADY_CAPTURED));
    assertThat(apply(capture("c5", captured, 1), T0)).isEqualTo(refused(TransferRefusal.HOLD_ALREADY_CAPTURED));

    assertThat(ledger.transfers()).hasSize(before + 2);
    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(Credits.of(5), Credits.ZERO, Credits.of(5)));
    assertAuditClean();
  }

  @Test
  void givenSameRequestTwice_apply_returnsTheFirstTransfer_forEveryType_andChangesNothing() {
    TransferRequest.Post top = topUp("t1", ALICE, 9);
    TransferRequest.Hold first = hold("h1", ALICE, 3, Optional.of(T0.plusSeconds(600)));
    TransferRequest.Hold second = hold("h2", ALICE, 2, Optional.empty());
    Transfer topped = ((TransferResult.Recorded) apply(top, T0)).transfer();
    Transfer held = ((TransferResult.Recorded) apply(first, T0)).transfer();
    Transfer heldToo = ((TransferResult.Recorded) apply(second, T0)).transfer();
    TransferRequest.Capture captureRequest = capture("c1", held.id(), 2);
    TransferRequest.Release releaseRequest = release("r2", heldToo.id(), ReleaseReason.FAILED);
    Transfer captured = ((TransferResult.Recorded) apply(captureRequest, T0.plusSeconds(1))).transfer();
    Transfer released = ((TransferResult.Recorded) apply(releaseRequest, T0.plusSeconds(1))).transfer();
    UserBalance balance = ledger.balanceOf(ALICE);
    List<AccountBalance> balances = ledger.balances();

    assertThat(apply(top, T0.plusSeconds(30))).isEqualTo(new TransferResult.Replayed(topped));
    assertThat(apply(first, T0.plusSeconds(30))).isEqualTo(new TransferResult.Replayed(held));
    assertThat(apply(captureRequest, T0.plusSeconds(30))).isEqualTo(new TransferResult.Replayed(captured));
    assertThat(apply(releaseRequest, T0.plusSeconds(30))).isEqualTo(new TransferResult.Replayed(released));

    assertThat(ledger.balanceOf(ALICE)).isEqualTo(balance);
    assertThat(ledger.balances()).containsExactlyInAnyOrderElementsOf(balances);
    assertThat(ledger.transfers()).hasSize(5);
  }

  @Test
  void givenKeyOfAnEarlierTransfer_withOtherContent_apply_refusesForEveryType() {
    record(topUp("t1", ALICE, 9), T0);
    TransferId holdId = record(hold("h1", ALICE, 3, Optional.empty()), T0);
    record(capture("c1", holdId, 2), T0);

    assertThat(apply(hold("h1", ALICE, 4, Optional.empty()), T0)).isEqualTo(refused(TransferRefusal.IDEMPOTENCY_KEY_REUSED));
    assertThat(apply(hold("t1", ALICE, 1, Optional.empty()), T0)).isEqualTo(refused(TransferRefusal.IDEMPOTENCY_KEY_REUSED));
    assertThat(apply(capture("c1", holdId, 1), T0)).isEqualTo(refused(TransferRefusal.IDEMPOTENCY_KEY_REUSED));
    assertThat(apply(release("c1", holdId, ReleaseReason.FAILED), T0))
        .isEqualTo(refused(TransferRefusal.IDEMPOTENCY_KEY_REUSED));
    assertThat(ledger.transfers()).hasSize(3);
  }

  @Test
  void givenRefusedRequest_itsKeyStaysFree_soTheSameRequestCanSucceedLater() {
    TransferRequest.Hold tooBig = hold("h1", ALICE, 5, Optional.empty());
    assertThat(apply(tooBig, T0)).isEqualTo(refused(TransferRefusal.INSUFFICIENT_FUNDS));

    record(topUp("t1", ALICE, 5), T0);

    assertThat(apply(tooBig, T0)).isInstanceOf(TransferResult.Recorded.class);
    assertThat(ledger.balanceOf(ALICE).available()).isEqualTo(Credits.ZERO);
  }

  @Test
  void givenRolledBackTransaction_nothingOfItRemains_andItsKeyIsFree() {
    try {
      inTransaction(() -> {
        ledger.apply(topUp("t1", ALICE, 5), nextId(), T0);
        throw new IllegalStateException("boom");
      });
    } catch (IllegalStateException expected) {
      // The point is what it left behind.
    }

    assertThat(ledger.balanceOf(ALICE)).isEqualTo(UserBalance.ZERO);
    assertThat(ledger.transfers()).isEmpty();
    assertThat(apply(topUp("t1", ALICE, 5), T0)).isInstanceOf(TransferResult.Recorded.class);
  }

  @Test
  void givenUnknownIds_transferAndHold_areEmpty_andHoldIsEmptyForANonHold() {
    TransferId postId = record(topUp("t1", ALICE, 5), T0);
    TransferId holdId = record(hold("h1", ALICE, 2, Optional.empty()), T0);

    assertThat(ledger.transfer(TransferId.of(new UUID(7, 7)))).isEmpty();
    assertThat(ledger.hold(TransferId.of(new UUID(7, 7)))).isEmpty();
    assertThat(ledger.hold(postId)).isEmpty();
    Hold pending = ledger.hold(holdId).orElseThrow();
    assertThat(pending.status()).isEqualTo(Hold.Status.PENDING);
    assertThat(pending.resolution()).isEmpty();
    assertThat(pending.pending()).isEqualTo(ledger.transfer(holdId).orElseThrow());
  }

  @Test
  void givenMixedEntries_history_isNewestFirst_filtered_paged_andOnlyTheUsers() {
    record(topUp("t1", ALICE, 10), T0);
    record(topUp("b1", BOB, 10), T0);
    TransferId holdId = record(hold("h1", ALICE, 2, Optional.empty()), T0.plusSeconds(1));
    record(release("r1", holdId, ReleaseReason.FAILED), T0.plusSeconds(2));
    record(new TransferRequest.Post(IdempotencyKey.of("w1"), SystemAccount.BONUS, AccountId.user(ALICE), Credits.of(1),
        TransferKind.BONUS, TransferMemo.of(ReferenceType.PROMOTION, "p")), T0.plusSeconds(3));
    record(hold("b2", BOB, 1, Optional.empty()), T0.plusSeconds(4));

    assertThat(keys(ledger.history(ALICE, T0, Set.of(), 0, 10))).containsExactly("w1", "r1", "h1", "t1");
    assertThat(keys(ledger.history(ALICE, T0, Set.of(HistoryCategory.RETURN, HistoryCategory.BONUS), 0, 10)))
        .containsExactly("w1", "r1");
    assertThat(keys(ledger.history(ALICE, T0, Set.of(HistoryCategory.SPEND), 0, 10))).containsExactly("h1");
    assertThat(keys(ledger.history(ALICE, T0, Set.of(), 1, 2))).containsExactly("r1", "h1");
    assertThat(keys(ledger.history(ALICE, T0, Set.of(), 4, 2))).isEmpty();
    assertThat(keys(ledger.history(ALICE, T0, Set.of(HistoryCategory.RETURN, HistoryCategory.BONUS, HistoryCategory.TOP_UP),
        1, 1))).containsExactly("r1");
    assertThat(keys(ledger.history(ALICE, T0.plusSeconds(2), Set.of(), 0, 10))).containsExactly("w1", "r1");
    assertThat(keys(ledger.history(BOB, T0, Set.of(), 0, 10))).containsExactly("b2", "b1");
    assertThat(ledger.history(UserId.of(77), T0, Set.of(), 0, 10)).isEmpty();
  }

  @Test
  void givenEntriesAtTheSameInstant_history_listsTheLaterRecordedFirst() {
    record(topUp("t1", ALICE, 10), T0);
    record(topUp("t2", ALICE, 10), T0);
    record(hold("h1", ALICE, 1, Optional.empty()), T0);

    assertThat(keys(ledger.history(ALICE, T0, Set.of(), 0, 10))).containsExactly("h1", "t2", "t1");
  }

  @Test
  void givenHoldsWithExpiry_expiredHolds_listsUnresolvedOnesPastTheirTime_soonestExpiryFirst() {
    record(topUp("t1", ALICE, 10), T0);
    TransferId later = record(hold("h1", ALICE, 1, Optional.of(T0.plusSeconds(10))), T0);
    record(hold("h2", ALICE, 1, Optional.of(T0.plusSeconds(100))), T0);
    TransferId released = record(hold("h3", ALICE, 1, Optional.of(T0.plusSeconds(5))), T0);
    record(release("r3", released, ReleaseReason.CANCELLED), T0);
    record(hold("h4", ALICE, 1, Optional.empty()), T0);
    TransferId sooner = record(hold("h5", ALICE, 1, Optional.of(T0.plusSeconds(8))), T0.plusSeconds(1));
    TransferId captured = record(hold("h6", ALICE, 1, Optional.of(T0.plusSeconds(2))), T0.plusSeconds(1));
    record(capture("c6", captured, 1), T0.plusSeconds(1));

    assertThat(ledger.expiredHolds(T0.plusSeconds(10), 10)).extracting(Hold::id).containsExactly(sooner, later);
    assertThat(ledger.expiredHolds(T0.plusSeconds(10), 1)).extracting(Hold::id).containsExactly(sooner);
    assertThat(ledger.expiredHolds(T0.plusSeconds(9), 10)).extracting(Hold::id).containsExactly(sooner);
    assertThat(ledger.expiredHolds(T0.plusSeconds(7), 10)).isEmpty();
    assertThat(ledger.expiredHolds(T0.plusSeconds(10), 10)).allSatisfy(h -> {
      assertThat(h.isPending()).isTrue();
      assertThat(h.pending()).isEqualTo(ledger.transfer(h.id()).orElseThrow());
    });
  }

  @Test
  void givenCapturesReleasesAndBonuses_totalsSince_sumUserMovementsByCategory() {
    record(topUp("t1", ALICE, 10), T0);
    TransferId a = record(hold("h1", ALICE, 3, Optional.empty()), T0);
    TransferId b = record(hold("h2", ALICE, 2, Optional.empty()), T0);
    record(capture("c1", a, 3), T0);
    record(release("r2", b, ReleaseReason.FAILED), T0);
    record(new TransferRequest.Post(IdempotencyKey.of("w1"), SystemAccount.BONUS, AccountId.user(BOB), Credits.of(2),
        TransferKind.BONUS, TransferMemo.of(ReferenceType.REGISTRATION, BOB)), T0.plusSeconds(1));
    record(new TransferRequest.Post(IdempotencyKey.of("a1"), SystemAccount.ADJUSTMENTS, AccountId.user(BOB),
        Credits.of(4), TransferKind.ADJUSTMENT, TransferMemo.of(ReferenceType.ADMIN_ACTION, 900)), T0.plusSeconds(1));
    // A hold alone moves nothing yet: it counts once captured or released.
    record(hold("h3", ALICE, 1, Optional.empty()), T0.plusSeconds(1));

    assertThat(ledger.totalsSince(T0)).isEqualTo(Map.of(HistoryCategory.TOP_UP, 10L, HistoryCategory.SPEND, 3L,
        HistoryCategory.RETURN, 2L, HistoryCategory.BONUS, 2L, HistoryCategory.ADJUSTMENT, 4L));
    assertThat(ledger.totalsSince(T0.plusSeconds(1))).isEqualTo(Map.of(HistoryCategory.BONUS, 2L,
        HistoryCategory.ADJUSTMENT, 4L));
    assertThat(ledger.totalsSince(T0.plusSeconds(2))).isEmpty();
  }

  @Test
  void givenManyMixedRequests_balancesAndTransfersAgreeWithTheAudit() {
    for (int i = 0; i < 6; i++) {
      UserId user = i % 2 == 0 ? ALICE : BOB;
      record(topUp("t" + i, user, 5 + i), T0.plusSeconds(i));
      TransferId h = record(hold("h" + i, user, 2 + i % 3, Optional.of(T0.plusSeconds(100 + i))), T0.plusSeconds(i));
      if (i % 3 == 0) {
        record(capture("c" + i, h, 1), T0.plusSeconds(50));
      } else if (i % 3 == 1) {
        record(release("r" + i, h, ReleaseReason.FAILED), T0.plusSeconds(50));
      }
      apply(hold("x" + i, user, 1_000, Optional.empty()), T0.plusSeconds(i));
    }

    assertAuditClean();
    assertThat(ledger.balances().stream().mapToLong(AccountBalance::netPosted).sum()).isZero();
    assertThat(ledger.balances().stream()
        .filter(b -> b.account().mustStayNonNegative())
        .collect(Collectors.toMap(AccountBalance::account, AccountBalance::available)))
        .allSatisfy((account, available) -> assertThat(available).isNotNegative());
  }

  private static List<String> keys(List<Transfer> transfers) {
    return transfers.stream().map(t -> t.key().value()).toList();
  }
  @Test
  void totals_giveEachSystemAccountsPostedBalance_andWhatUsersHaveAndHold() {
    assertThat(ledger.totals()).isEqualTo(new LedgerStore.LedgerTotals(Map.of(), 0, 0));
    record(topUp("top-up-a", ALICE, 100), T0);
    record(topUp("top-up-b", BOB, 40), T0);
    TransferId held = record(hold("hold-a", ALICE, 30, Optional.empty()), T0);
    record(capture("capture-a", held, 30), T0.plusSeconds(1));
    record(hold("hold-b", BOB, 15, Optional.empty()), T0.plusSeconds(2));

    LedgerStore.LedgerTotals totals = ledger.totals();

    assertThat(totals.systemPosted()).containsEntry(SystemAccount.SALES, -140L).containsEntry(SystemAccount.REVENUE, 30L)
        .containsEntry(SystemAccount.BONUS, 0L).containsEntry(SystemAccount.ADJUSTMENTS, 0L);
    assertThat(totals.usersPosted()).isEqualTo(110);
    assertThat(totals.usersHeld()).isEqualTo(15);
    assertThat(totals.usersAvailable()).isEqualTo(95);
  }
}
