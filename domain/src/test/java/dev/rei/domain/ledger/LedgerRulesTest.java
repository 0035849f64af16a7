package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.ALICE;
import static dev.rei.domain.fixtures.LedgerFixtures.BOB;
import static dev.rei.domain.fixtures.LedgerFixtures.STRANGER;
import static dev.rei.domain.fixtures.LedgerFixtures.T0;
import static dev.rei.domain.fixtures.LedgerFixtures.account;
import static dev.rei.domain.fixtures.LedgerFixtures.adjustment;
import static dev.rei.domain.fixtures.LedgerFixtures.apply;
import static dev.rei.domain.fixtures.LedgerFixtures.at;
import static dev.rei.domain.fixtures.LedgerFixtures.bonus;
import static dev.rei.domain.fixtures.LedgerFixtures.capture;
import static dev.rei.domain.fixtures.LedgerFixtures.credits;
import static dev.rei.domain.fixtures.LedgerFixtures.key;
import static dev.rei.domain.fixtures.LedgerFixtures.ledger;
import static dev.rei.domain.fixtures.LedgerFixtures.recorded;
import static dev.rei.domain.fixtures.LedgerFixtures.refusal;
import static dev.rei.domain.fixtures.LedgerFixtures.release;
import static dev.rei.domain.fixtures.LedgerFixtures.spendHold;
import static dev.rei.domain.fixtures.LedgerFixtures.topUp;
import static dev.rei.domain.fixtures.LedgerFixtures.topUpReversal;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static dev.rei.domain.fixtures.LedgerFixtures.unknownTransferId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every decision of {@link LedgerRules}, through the {@link ReferenceLedger} that applies them. */
class LedgerRulesTest {

  private static final Instant NOW = at(100);

  /** What must not change when a request is replayed or refused. */
  private record Snapshot(List<AccountBalance> balances, List<Transfer> transfers) {
    static Snapshot of(ReferenceLedger ledger) {
      return new Snapshot(ledger.balances(), List.copyOf(ledger.transfers()));
    }
  }

  private static void assertUnchanged(ReferenceLedger ledger, Snapshot before) {
    assertThat(Snapshot.of(ledger)).isEqualTo(before);
  }

  @Nested
  class InsufficientFunds {

    @Test
    void givenTooFewCredits_postFromUser_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE, 5).build();
      Snapshot before = Snapshot.of(ledger);

      TransferResult result = ledger.apply(topUpReversal(key("refund"), ALICE, 6), NOW);

      assertThat(refusal(result)).isEqualTo(TransferRefusal.INSUFFICIENT_FUNDS);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenTooFewCredits_holdFromUser_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE, 5).build();
      Snapshot before = Snapshot.of(ledger);

      TransferResult result = ledger.apply(spendHold(key("hold"), ALICE, 6), NOW);

      assertThat(refusal(result)).isEqualTo(TransferRefusal.INSUFFICIENT_FUNDS);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenEmptyAccount_adminSubtraction_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE).build();

      assertThat(refusal(ledger.apply(adjustment(key("sub"), ALICE, -1, "abuse"), NOW)))
          .isEqualTo(TransferRefusal.INSUFFICIENT_FUNDS);
    }

    @Test
    void givenExactlyTheAvailableAmount_postAndHold_areRecorded() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).user(BOB, 10).build();

      recorded(ledger.apply(spendHold(key("hold"), ALICE, 10), NOW));
      recorded(ledger.apply(topUpReversal(key("refund"), BOB, 10), NOW));

      assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(credits(10), credits(10), credits(0)));
      assertThat(ledger.balanceOf(BOB)).isEqualTo(UserBalance.ZERO);
    }

    @Test
    void givenCreditsHeld_postAndHold_countOnlyWhatIsAvailable() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      apply(ledger, spendHold(key("hold", 1), ALICE, 7), NOW);

      assertThat(refusal(ledger.apply(spendHold(key("hold", 2), ALICE, 4), NOW)))
          .isEqualTo(TransferRefusal.INSUFFICIENT_FUNDS);
      assertThat(refusal(ledger.apply(topUpReversal(key("refund"), ALICE, 4), NOW)))
          .isEqualTo(TransferRefusal.INSUFFICIENT_FUNDS);
      recorded(ledger.apply(spendHold(key("hold", 3), ALICE, 3), NOW));
    }

    @Test
    void givenHoldTowardsAUser_request_cannotExist() {
      // Credits only ever reach a user posted, so a user's available balance never counts credits on their way.
      assertThatThrownBy(() -> new TransferRequest.Hold(key("gift"), SystemAccount.BONUS, account(ALICE), credits(5),
          TransferKind.BONUS, TransferMemo.of(ReferenceType.PROMOTION, "p"), Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("BONUS");
    }

    @ParameterizedTest
    @EnumSource(value = TransferKind.class, names = {"TOP_UP", "BONUS", "ADJUSTMENT"})
    void givenSystemAccount_debitBeyondZero_isRecordedAndGoesNegative(TransferKind kind) {
      SystemAccount system = switch (kind) {
        case TOP_UP -> SystemAccount.SALES;
        case BONUS -> SystemAccount.BONUS;
        default -> SystemAccount.ADJUSTMENTS;
      };
      ReferenceLedger ledger = ledger().user(ALICE).build();

      recorded(ledger.apply(new TransferRequest.Post(key("from", system.code()), system, account(ALICE), credits(9),
          kind, TransferMemo.of(ReferenceType.ADMIN_ACTION, "a")), NOW));

      assertThat(ledger.balance(system).netPosted()).isEqualTo(-9);
      assertThat(ledger.balanceOf(ALICE).posted()).isEqualTo(credits(9));
      assertThat(ledger.audit()).isEmpty();
    }
  }

  @Nested
  class AccountNotFound {

    @Test
    void givenUnopenedUser_postToThem_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE).build();
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(topUp(key("top-up"), STRANGER, 5), NOW)))
          .isEqualTo(TransferRefusal.ACCOUNT_NOT_FOUND);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenUnopenedUser_postAndHoldFromThem_areRefused() {
      ReferenceLedger ledger = ledger().user(ALICE).build();

      assertThat(refusal(ledger.apply(topUpReversal(key("refund"), STRANGER, 5), NOW)))
          .isEqualTo(TransferRefusal.ACCOUNT_NOT_FOUND);
      assertThat(refusal(ledger.apply(spendHold(key("hold"), STRANGER, 5), NOW)))
          .isEqualTo(TransferRefusal.ACCOUNT_NOT_FOUND);
    }

    @Test
    void givenHoldExpiringNowOrEarlier_hold_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(spendHold(key("late"), ALICE, 4, NOW), NOW)))
          .isEqualTo(TransferRefusal.HOLD_EXPIRES_IN_THE_PAST);
      assertThat(refusal(ledger.apply(spendHold(key("later"), ALICE, 4, NOW.minusSeconds(1)), NOW)))
          .isEqualTo(TransferRefusal.HOLD_EXPIRES_IN_THE_PAST);
      assertUnchanged(ledger, before);
      recorded(ledger.apply(spendHold(key("ok"), ALICE, 4, NOW.plusMillis(1)), NOW));
    }

    @Test
    void givenUnopenedDebitUser_subtraction_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();

      assertThat(refusal(ledger.apply(new TransferRequest.Post(key("sub"), account(STRANGER),
          SystemAccount.ADJUSTMENTS, credits(1), TransferKind.ADJUSTMENT,
          TransferMemo.of(ReferenceType.ADMIN_ACTION, "a")), NOW)))
          .isEqualTo(TransferRefusal.ACCOUNT_NOT_FOUND);
    }

    @Test
    void givenUserOpenedLater_sameRequest_isRecorded() {
      ReferenceLedger ledger = ledger().build();
      TransferRequest.Post welcome = bonus(key("welcome", ALICE), ALICE, 50);
      assertThat(refusal(ledger.apply(welcome, NOW))).isEqualTo(TransferRefusal.ACCOUNT_NOT_FOUND);

      ledger.open(ALICE);

      recorded(ledger.apply(welcome, NOW));
      assertThat(ledger.balanceOf(ALICE).available()).isEqualTo(credits(50));
    }
  }

  @Nested
  class IdempotencyKeyReused {

    @Test
    void givenRecordedPost_sameKeyOtherContent_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE).build();
      apply(ledger, topUp(key("payment", 1), ALICE, 10), T0);
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(topUp(key("payment", 1), ALICE, 11), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertThat(refusal(ledger.apply(bonus(key("payment", 1), ALICE, 10), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenRecordedHold_sameKeyOtherContent_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE, 100).build();
      apply(ledger, spendHold(key("job", 1, "hold"), ALICE, 10, at(60)), T0);
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(spendHold(key("job", 1, "hold"), ALICE, 11, at(60)), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertThat(refusal(ledger.apply(spendHold(key("job", 1, "hold"), ALICE, 10, at(61)), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertThat(refusal(ledger.apply(spendHold(key("job", 1, "hold"), ALICE, 10), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenRecordedCapture_sameKeyOtherContent_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE, 100).build();
      TransferId hold = apply(ledger, spendHold(key("job", 1, "hold"), ALICE, 10), T0);
      TransferId other = apply(ledger, spendHold(key("job", 2, "hold"), ALICE, 10), T0);
      apply(ledger, capture(key("job", 1, "capture"), hold, 8), T0);
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(capture(key("job", 1, "capture"), hold, 9), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertThat(refusal(ledger.apply(capture(key("job", 1, "capture"), other, 8), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertThat(refusal(ledger.apply(release(key("job", 1, "capture"), other, ReleaseReason.FAILED), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenRecordedRelease_sameKeyOtherContent_isRefused() {
      ReferenceLedger ledger = ledger().user(ALICE, 100).build();
      TransferId hold = apply(ledger, spendHold(key("job", 1, "hold"), ALICE, 10), T0);
      TransferId other = apply(ledger, spendHold(key("job", 2, "hold"), ALICE, 10), T0);
      apply(ledger, release(key("job", 1, "release"), hold, ReleaseReason.FAILED), T0);
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(release(key("job", 1, "release"), hold, ReleaseReason.CANCELLED), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertThat(refusal(ledger.apply(release(key("job", 1, "release"), other, ReleaseReason.FAILED), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertThat(refusal(ledger.apply(capture(key("job", 1, "release"), other, 1), NOW)))
          .isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenKeyOfAnotherType_postAndHold_areRefused() {
      ReferenceLedger ledger = ledger().user(ALICE, 100).build();
      apply(ledger, spendHold(key("k"), ALICE, 10), T0);
      TransferRequest.Hold hold = spendHold(key("k"), ALICE, 10);

      assertThat(refusal(ledger.apply(new TransferRequest.Post(hold.key(), hold.debit(), hold.credit(), hold.amount(),
          hold.kind(), hold.memo()), NOW))).isEqualTo(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
    }
  }

  @Nested
  class HoldChecks {

    @Test
    void givenUnknownId_captureAndRelease_areRefusedHoldNotFound() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(capture(key("c"), unknownTransferId(1), 1), NOW)))
          .isEqualTo(TransferRefusal.HOLD_NOT_FOUND);
      assertThat(refusal(ledger.apply(release(key("r"), unknownTransferId(1), ReleaseReason.FAILED), NOW)))
          .isEqualTo(TransferRefusal.HOLD_NOT_FOUND);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenIdOfAPost_captureAndRelease_areRefusedNotAHold() {
      ReferenceLedger ledger = ledger().user(ALICE).build();
      TransferId post = apply(ledger, topUp(key("t"), ALICE, 10), T0);
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(capture(key("c"), post, 1), NOW))).isEqualTo(TransferRefusal.NOT_A_HOLD);
      assertThat(refusal(ledger.apply(release(key("r"), post, ReleaseReason.FAILED), NOW)))
          .isEqualTo(TransferRefusal.NOT_A_HOLD);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenIdOfACapture_captureAndRelease_areRefusedNotAHold() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 5), T0);
      TransferId capture = apply(ledger, capture(key("c"), hold, 5), T0);

      assertThat(refusal(ledger.apply(capture(key("c2"), capture, 1), NOW))).isEqualTo(TransferRefusal.NOT_A_HOLD);
      assertThat(refusal(ledger.apply(release(key("r2"), capture, ReleaseReason.FAILED), NOW)))
          .isEqualTo(TransferRefusal.NOT_A_HOLD);
    }

    @Test
    void givenCapturedHold_captureAndRelease_areRefusedAlreadyCaptured() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 5), T0);
      apply(ledger, capture(key("c"), hold, 3), T0);
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(capture(key("c2"), hold, 2), NOW)))
          .isEqualTo(TransferRefusal.HOLD_ALREADY_CAPTURED);
      assertThat(refusal(ledger.apply(release(key("r"), hold, ReleaseReason.FAILED), NOW)))
          .isEqualTo(TransferRefusal.HOLD_ALREADY_CAPTURED);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenReleasedHold_captureAndRelease_areRefusedAlreadyReleased() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 5), T0);
      apply(ledger, release(key("r"), hold, ReleaseReason.CANCELLED), T0);
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(capture(key("c"), hold, 5), NOW)))
          .isEqualTo(TransferRefusal.HOLD_ALREADY_RELEASED);
      assertThat(refusal(ledger.apply(release(key("r2"), hold, ReleaseReason.EXPIRED), NOW)))
          .isEqualTo(TransferRefusal.HOLD_ALREADY_RELEASED);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenExpiredHold_captureAtAndAfterExpiry_isRefusedHoldExpired() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 5, at(60)), T0);
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(capture(key("c"), hold, 5), at(60)))).isEqualTo(TransferRefusal.HOLD_EXPIRED);
      assertThat(refusal(ledger.apply(capture(key("c"), hold, 5), at(61)))).isEqualTo(TransferRefusal.HOLD_EXPIRED);
      assertThat(refusal(ledger.apply(capture(key("c"), hold, 0), at(3600)))).isEqualTo(TransferRefusal.HOLD_EXPIRED);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenHoldJustBeforeExpiry_capture_isRecorded() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 5, at(60)), T0);

      recorded(ledger.apply(capture(key("c"), hold, 5), at(60).minusNanos(1)));

      assertThat(ledger.balanceOf(ALICE).posted()).isEqualTo(credits(5));
    }

    @Test
    void givenExpiredHold_release_stillWorks() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 5, at(60)), T0);
      assertThat(refusal(ledger.apply(capture(key("c"), hold, 5), at(90)))).isEqualTo(TransferRefusal.HOLD_EXPIRED);

      Transfer release = recorded(ledger.apply(release(key("r"), hold, ReleaseReason.EXPIRED), at(90)));

      assertThat(release.releaseReason()).contains(ReleaseReason.EXPIRED);
      assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(credits(10), credits(0), credits(10)));
      assertThat(ledger.hold(hold).orElseThrow().status()).isEqualTo(Hold.Status.RELEASED);
    }

    @Test
    void givenCaptureOverTheHold_capture_isRefusedExceedsHold() {
      ReferenceLedger ledger = ledger().user(ALICE, 100).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 10), T0);
      Snapshot before = Snapshot.of(ledger);

      assertThat(refusal(ledger.apply(capture(key("c"), hold, 11), NOW)))
          .isEqualTo(TransferRefusal.CAPTURE_EXCEEDS_HOLD);
      assertUnchanged(ledger, before);
      recorded(ledger.apply(capture(key("c"), hold, 10), NOW));
    }

    @Test
    void givenResolvedAndExpiredHold_capture_reportsTheResolutionFirst() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 5, at(60)), T0);
      apply(ledger, capture(key("c"), hold, 5), at(10));

      assertThat(refusal(ledger.apply(capture(key("c2"), hold, 5), at(70))))
          .isEqualTo(TransferRefusal.HOLD_ALREADY_CAPTURED);
    }
  }

  @Nested
  class Replays {

    @Test
    void givenRecordedPost_sameRequestAgain_isReplayedWithTheFirstTransfer() {
      ReferenceLedger ledger = ledger().user(ALICE).build();
      TransferRequest.Post topUp = topUp(key("payment", 1), ALICE, 10);
      Transfer first = recorded(ledger.apply(topUp, T0));
      Snapshot before = Snapshot.of(ledger);

      TransferResult again = ledger.apply(topUp, NOW);

      assertThat(again).isEqualTo(new TransferResult.Replayed(first));
      assertThat(again.asTransfer().orElseThrow().createdAt()).isEqualTo(T0);
      assertUnchanged(ledger, before);
    }

    @Test
    void givenRecordedHold_sameRequestAgain_isReplayedWithTheFirstTransfer() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferRequest.Hold hold = spendHold(key("job", 1, "hold"), ALICE, 10, at(60));
      Transfer first = recorded(ledger.apply(hold, T0));
      Snapshot before = Snapshot.of(ledger);

      // Neither the missing funds (all 10 are held by the first) nor the expiry matter to a replay.
      assertThat(ledger.apply(hold, NOW)).isEqualTo(new TransferResult.Replayed(first));
      assertUnchanged(ledger, before);
    }

    @Test
    void givenRecordedCapture_sameRequestAgain_isReplayedWithTheFirstTransfer() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("job", 1, "hold"), ALICE, 10, at(60)), T0);
      TransferRequest.Capture capture = capture(key("job", 1, "capture"), hold, 7);
      Transfer first = recorded(ledger.apply(capture, at(30)));
      Snapshot before = Snapshot.of(ledger);

      // After the expiry, and with the hold already captured: still the first result.
      TransferResult again = ledger.apply(capture, at(90));

      assertThat(again).isEqualTo(new TransferResult.Replayed(first));
      assertThat(again.asTransfer().orElseThrow().createdAt()).isEqualTo(at(30));
      assertUnchanged(ledger, before);
    }

    @Test
    void givenRecordedRelease_sameRequestAgain_isReplayedWithTheFirstTransfer() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("job", 1, "hold"), ALICE, 10), T0);
      TransferRequest.Release release = release(key("job", 1, "release"), hold, ReleaseReason.FAILED);
      Transfer first = recorded(ledger.apply(release, at(30)));
      Snapshot before = Snapshot.of(ledger);

      assertThat(ledger.apply(release, NOW)).isEqualTo(new TransferResult.Replayed(first));
      assertThat(ledger.apply(release, NOW)).isEqualTo(new TransferResult.Replayed(first));
      assertUnchanged(ledger, before);
    }
  }

  @Nested
  class RefusedKeys {

    @Test
    void givenHoldRefusedForFunds_sameRequestAfterTopUp_isRecorded() {
      ReferenceLedger ledger = ledger().user(ALICE, 5).build();
      TransferRequest.Hold hold = spendHold(key("job", 1, "hold"), ALICE, 8);
      assertThat(refusal(ledger.apply(hold, T0))).isEqualTo(TransferRefusal.INSUFFICIENT_FUNDS);

      apply(ledger, topUp(key("payment", 2), ALICE, 3), at(1));
      Transfer transfer = recorded(ledger.apply(hold, at(2)));

      assertThat(transfer.key()).isEqualTo(hold.key());
      assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(credits(8), credits(8), credits(0)));
    }

    @Test
    void givenPostRefusedForFunds_sameRequestAfterTopUp_isRecorded() {
      ReferenceLedger ledger = ledger().user(ALICE).build();
      TransferRequest.Post refund = topUpReversal(key("refund", 1), ALICE, 4);
      assertThat(refusal(ledger.apply(refund, T0))).isEqualTo(TransferRefusal.INSUFFICIENT_FUNDS);

      apply(ledger, topUp(key("payment", 1), ALICE, 4), at(1));

      recorded(ledger.apply(refund, at(2)));
      assertThat(ledger.balanceOf(ALICE)).isEqualTo(UserBalance.ZERO);
    }

    @Test
    void givenCaptureRefusedAsTooLarge_sameKeyWithinTheHold_isRecorded() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 5), T0);
      assertThat(refusal(ledger.apply(capture(key("c"), hold, 6), T0))).isEqualTo(TransferRefusal.CAPTURE_EXCEEDS_HOLD);

      recorded(ledger.apply(capture(key("c"), hold, 5), T0));
    }

    @Test
    void givenRefusals_transferIds_areNotUsedUp() {
      ReferenceLedger ledger = ledger().user(ALICE).build();
      ledger.apply(topUpReversal(key("refund"), ALICE, 1), T0);
      ledger.apply(capture(key("c"), unknownTransferId(1), 1), T0);

      assertThat(recorded(ledger.apply(topUp(key("t"), ALICE, 1), T0)).id()).isEqualTo(transferId(1));
    }
  }

  @Nested
  class Captures {

    @Test
    void givenHoldOfTen_captureOfSix_postsSixAndReleasesFour() {
      ReferenceLedger ledger = ledger().user(ALICE, 20).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 10), T0);
      UserBalance afterHold = ledger.balanceOf(ALICE);
      long revenueBefore = ledger.balance(SystemAccount.REVENUE).netPosted();

      Transfer capture = recorded(ledger.apply(capture(key("c"), hold, 6), NOW));

      assertThat(afterHold).isEqualTo(new UserBalance(credits(20), credits(10), credits(10)));
      assertThat(capture.amount()).isEqualTo(credits(6));
      assertThat(capture.pendingId()).contains(hold);
      assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(credits(14), credits(0), credits(14)));
      assertThat(ledger.balanceOf(ALICE).available().value() - afterHold.available().value()).isEqualTo(4);
      assertThat(ledger.balance(SystemAccount.REVENUE).netPosted() - revenueBefore).isEqualTo(6);
      assertThat(ledger.balance(SystemAccount.REVENUE).creditsPending()).isEqualTo(Credits.ZERO);
      assertThat(ledger.audit()).isEmpty();
    }

    @Test
    void givenHold_captureOfZero_postsNothingAndReleasesAll() {
      ReferenceLedger ledger = ledger().user(ALICE, 20).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 10), T0);

      Transfer capture = recorded(ledger.apply(capture(key("c"), hold, 0), NOW));

      assertThat(capture.amount()).isEqualTo(Credits.ZERO);
      assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(credits(20), credits(0), credits(20)));
      assertThat(ledger.balance(SystemAccount.REVENUE).netPosted()).isZero();
      assertThat(ledger.hold(hold).orElseThrow().status()).isEqualTo(Hold.Status.CAPTURED);
      assertThat(ledger.audit()).isEmpty();
    }

    @Test
    void givenHold_fullCapture_movesEverythingHeld() {
      ReferenceLedger ledger = ledger().user(ALICE, 20).build();
      TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 10), T0);

      recorded(ledger.apply(capture(key("c"), hold, 10), NOW));

      assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(credits(10), credits(0), credits(10)));
      assertThat(ledger.balance(SystemAccount.REVENUE).netPosted()).isEqualTo(10);
    }

    @Test
    void givenHold_postedBalance_isUntilCaptured() {
      ReferenceLedger ledger = ledger().user(ALICE, 20).build();

      apply(ledger, spendHold(key("h"), ALICE, 10), T0);

      assertThat(ledger.balance(account(ALICE)).netPosted()).isEqualTo(20);
      assertThat(ledger.balance(account(ALICE)).available()).isEqualTo(10);
      assertThat(ledger.balance(SystemAccount.REVENUE).netPosted()).isZero();
      assertThat(ledger.balance(SystemAccount.REVENUE).creditsPending()).isEqualTo(credits(10));
    }
  }

  @Nested
  class Decide {

    @Test
    void givenNewRequest_decide_returnsTheTransferAndCountersButWritesNothing() {
      ReferenceLedger ledger = ledger().user(ALICE, 10).build();
      Snapshot before = Snapshot.of(ledger);

      TransferResult result = LedgerRules.decide(spendHold(key("h"), ALICE, 4, at(160)), ledger, transferId(77), NOW);

      TransferResult.Recorded recorded = (TransferResult.Recorded) result;
      assertThat(recorded.transfer().id()).isEqualTo(transferId(77));
      assertThat(recorded.transfer().createdAt()).isEqualTo(NOW);
      assertThat(recorded.transfer().expiresAt()).contains(at(160));
      assertThat(recorded.debitAfter()).isEqualTo(new AccountBalance(account(ALICE), Credits.ZERO, credits(10),
          credits(4), Credits.ZERO));
      assertThat(recorded.creditAfter()).isEqualTo(new AccountBalance(SystemAccount.REVENUE, Credits.ZERO,
          Credits.ZERO, Credits.ZERO, credits(4)));
      assertUnchanged(ledger, before);
    }

    @Test
    void givenNulls_decide_isRejected() {
      ReferenceLedger ledger = ledger().build();
      TransferRequest request = topUp(key("t"), ALICE, 1);

      assertThatThrownBy(() -> LedgerRules.decide(null, ledger, transferId(1), NOW)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> LedgerRules.decide(request, null, transferId(1), NOW)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> LedgerRules.decide(request, ledger, null, NOW)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> LedgerRules.decide(request, ledger, transferId(1), null)).isInstanceOf(NullPointerException.class);
    }
  }
}
