package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.ALICE;
import static dev.rei.domain.fixtures.LedgerFixtures.BOB;
import static dev.rei.domain.fixtures.LedgerFixtures.STRANGER;
import static dev.rei.domain.fixtures.LedgerFixtures.T0;
import static dev.rei.domain.fixtures.LedgerFixtures.account;
import static dev.rei.domain.fixtures.LedgerFixtures.apply;
import static dev.rei.domain.fixtures.LedgerFixtures.at;
import static dev.rei.domain.fixtures.LedgerFixtures.bonus;
import static dev.rei.domain.fixtures.LedgerFixtures.capture;
import static dev.rei.domain.fixtures.LedgerFixtures.credits;
import static dev.rei.domain.fixtures.LedgerFixtures.key;
import static dev.rei.domain.fixtures.LedgerFixtures.ledger;
import static dev.rei.domain.fixtures.LedgerFixtures.recorded;
import static dev.rei.domain.fixtures.LedgerFixtures.release;
import static dev.rei.domain.fixtures.LedgerFixtures.spendHold;
import static dev.rei.domain.fixtures.LedgerFixtures.topUp;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static dev.rei.domain.fixtures.LedgerFixtures.unknownTransferId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceLedgerTest {

  @Test
  void givenNewLedger_balances_areTheEmptySystemAccounts() {
    ReferenceLedger ledger = new ReferenceLedger();

    assertThat(ledger.balances()).containsExactly(
        AccountBalance.empty(SystemAccount.SALES), AccountBalance.empty(SystemAccount.BONUS),
        AccountBalance.empty(SystemAccount.ADJUSTMENTS), AccountBalance.empty(SystemAccount.REVENUE));
    assertThat(ledger.transfers()).isEmpty();
    assertThat(ledger.audit()).isEmpty();
  }

  @Test
  void givenOpenedUser_open_againChangesNothing() {
    ReferenceLedger ledger = ledger().user(ALICE, 30).build();

    AccountBalance again = ledger.open(ALICE);

    assertThat(again.netPosted()).isEqualTo(30);
    assertThat(ledger.balanceOf(ALICE).posted()).isEqualTo(credits(30));
    assertThat(ledger.account(account(ALICE))).contains(again);
  }

  @Test
  void givenUnopenedUser_readsAsEmpty_butHasNoAccount() {
    ReferenceLedger ledger = ledger().user(ALICE).build();

    assertThat(ledger.account(account(STRANGER))).isEmpty();
    assertThat(ledger.balance(account(STRANGER))).isEqualTo(AccountBalance.empty(account(STRANGER)));
    assertThat(ledger.balanceOf(STRANGER)).isEqualTo(UserBalance.ZERO);
    assertThat(ledger.account(account(ALICE))).contains(AccountBalance.empty(account(ALICE)));
  }

  @Test
  void givenTopUpHoldAndBonus_balanceOf_showsPostedHeldAndAvailable() {
    ReferenceLedger ledger = ledger().user(ALICE, 100).build();
    apply(ledger, spendHold(key("h", 1), ALICE, 30), T0);
    apply(ledger, spendHold(key("h", 2), ALICE, 5), T0);
    apply(ledger, bonus(key("b"), ALICE, 7), T0);

    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(credits(107), credits(35), credits(72)));
    AccountBalance counters = ledger.balance(account(ALICE));
    assertThat(counters).isEqualTo(new AccountBalance(account(ALICE), Credits.ZERO, credits(107), credits(35),
        Credits.ZERO));
  }

  @Test
  void givenRecordedTransfers_ids_countUpFromOne_andSkipNothingOnRefusalOrReplay() {
    ReferenceLedger ledger = ledger().user(ALICE).build();
    TransferRequest.Post topUp = topUp(key("t", 1), ALICE, 5);

    TransferId first = apply(ledger, topUp, T0);
    ledger.apply(topUp, T0);
    ledger.apply(capture(key("c"), unknownTransferId(9), 1), T0);
    TransferId second = apply(ledger, topUp(key("t", 2), ALICE, 5), T0);

    assertThat(first).isEqualTo(transferId(1));
    assertThat(second).isEqualTo(transferId(2));
    assertThat(ledger.transfers()).extracting(Transfer::id).containsExactly(first, second);
    List<Transfer> snapshot = ledger.transfers();
    ledger.apply(topUp(key("after-snapshot"), ALICE, 1), T0);
    assertThat(snapshot).hasSize(2);
    assertThat(ledger.transfer(first)).contains(ledger.transfers().get(0));
    assertThat(ledger.transferByKey(key("t", 2))).contains(ledger.transfers().get(1));
    assertThat(ledger.transferByKey(key("c"))).isEmpty();
  }

  @Test
  void givenTransfers_list_cannotBeChangedFromOutside() {
    ReferenceLedger ledger = ledger().user(ALICE, 5).build();
    List<Transfer> transfers = ledger.transfers();

    assertThatThrownBy(transfers::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ledger.balances().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenHoldsInEachState_hold_reportsThem() {
    ReferenceLedger ledger = ledger().user(ALICE, 100).build();
    TransferId pending = apply(ledger, spendHold(key("h", 1), ALICE, 10), T0);
    TransferId captured = apply(ledger, spendHold(key("h", 2), ALICE, 10), T0);
    TransferId released = apply(ledger, spendHold(key("h", 3), ALICE, 10), T0);
    TransferId capture = apply(ledger, capture(key("c"), captured, 4), T0);
    TransferId release = apply(ledger, release(key("r"), released, ReleaseReason.CANCELLED), T0);

    assertThat(ledger.hold(pending).orElseThrow().status()).isEqualTo(Hold.Status.PENDING);
    assertThat(ledger.hold(captured).orElseThrow().status()).isEqualTo(Hold.Status.CAPTURED);
    assertThat(ledger.hold(captured).orElseThrow().resolution().orElseThrow().id()).isEqualTo(capture);
    assertThat(ledger.hold(released).orElseThrow().status()).isEqualTo(Hold.Status.RELEASED);
    assertThat(ledger.resolutionOf(released).orElseThrow().id()).isEqualTo(release);
    assertThat(ledger.resolutionOf(pending)).isEmpty();
    assertThat(ledger.hold(capture)).isEmpty();
    assertThat(ledger.hold(unknownTransferId(1))).isEmpty();
    assertThat(ledger.hold(transferId(1))).isEmpty(); // the funding top-up
  }

  @Test
  void givenHoldsWithAndWithoutExpiry_expiredHolds_areThePendingOnesPastTheirExpiry() {
    ReferenceLedger ledger = ledger().user(ALICE, 100).build();
    TransferId early = apply(ledger, spendHold(key("h", 1), ALICE, 1, at(10)), T0);
    TransferId late = apply(ledger, spendHold(key("h", 2), ALICE, 1, at(20)), T0);
    apply(ledger, spendHold(key("h", 3), ALICE, 1), T0);
    TransferId capturedEarly = apply(ledger, spendHold(key("h", 4), ALICE, 1, at(10)), T0);
    apply(ledger, capture(key("c"), capturedEarly, 1), at(5));
    TransferId releasedEarly = apply(ledger, spendHold(key("h", 5), ALICE, 1, at(10)), T0);
    apply(ledger, release(key("r"), releasedEarly, ReleaseReason.FAILED), at(5));

    assertThat(ledger.expiredHolds(at(9))).isEmpty();
    assertThat(ledger.expiredHolds(at(10))).extracting(Hold::id).containsExactly(early);
    assertThat(ledger.expiredHolds(at(20))).extracting(Hold::id).containsExactly(early, late);
    assertThat(ledger.expiredHolds(at(20))).allMatch(Hold::isPending);
  }

  @Test
  void givenExpiredHolds_sweepingThem_returnsTheCreditsAndEmptiesTheList() {
    ReferenceLedger ledger = ledger().user(ALICE, 10).user(BOB, 10).build();
    apply(ledger, spendHold(key("h", 1), ALICE, 6, at(10)), T0);
    apply(ledger, spendHold(key("h", 2), BOB, 4, at(10)), T0);

    for (Hold hold : ledger.expiredHolds(at(11))) {
      recorded(ledger.apply(release(key("sweep", hold.id()), hold.id(), ReleaseReason.EXPIRED), at(11)));
    }

    assertThat(ledger.expiredHolds(at(11))).isEmpty();
    assertThat(ledger.balanceOf(ALICE)).isEqualTo(new UserBalance(credits(10), credits(0), credits(10)));
    assertThat(ledger.balanceOf(BOB)).isEqualTo(new UserBalance(credits(10), credits(0), credits(10)));
    assertThat(ledger.balance(SystemAccount.REVENUE)).isEqualTo(AccountBalance.empty(SystemAccount.REVENUE));
    assertThat(ledger.audit()).isEmpty();
  }

  @Test
  void givenBusyLedger_balancesSumToZero_andAuditIsEmpty() {
    ReferenceLedger ledger = ledger().user(ALICE, 50).user(BOB, 20).build();
    TransferId hold = apply(ledger, spendHold(key("h"), ALICE, 30), T0);
    apply(ledger, capture(key("c"), hold, 25), at(1));
    apply(ledger, bonus(key("b"), BOB, 5), at(2));
    apply(ledger, spendHold(key("h2"), BOB, 20), at(3));

    long posted = ledger.balances().stream().mapToLong(AccountBalance::netPosted).sum();
    long pendingDebits = ledger.balances().stream().mapToLong(b -> b.debitsPending().value()).sum();
    long pendingCredits = ledger.balances().stream().mapToLong(b -> b.creditsPending().value()).sum();
    assertThat(posted).isZero();
    assertThat(pendingDebits).isEqualTo(pendingCredits).isEqualTo(20);
    assertThat(ledger.balance(SystemAccount.SALES).netPosted()).isEqualTo(-70);
    assertThat(ledger.balance(SystemAccount.REVENUE).netPosted()).isEqualTo(25);
    assertThat(ledger.audit()).isEmpty();
  }
}
