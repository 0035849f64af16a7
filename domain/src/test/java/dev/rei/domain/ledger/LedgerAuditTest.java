package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.ALICE;
import static dev.rei.domain.fixtures.LedgerFixtures.BOB;
import static dev.rei.domain.fixtures.LedgerFixtures.account;
import static dev.rei.domain.fixtures.LedgerFixtures.apply;
import static dev.rei.domain.fixtures.LedgerFixtures.at;
import static dev.rei.domain.fixtures.LedgerFixtures.capture;
import static dev.rei.domain.fixtures.LedgerFixtures.copyOf;
import static dev.rei.domain.fixtures.LedgerFixtures.credits;
import static dev.rei.domain.fixtures.LedgerFixtures.key;
import static dev.rei.domain.fixtures.LedgerFixtures.ledger;
import static dev.rei.domain.fixtures.LedgerFixtures.release;
import static dev.rei.domain.fixtures.LedgerFixtures.spendHold;
import static dev.rei.domain.fixtures.LedgerFixtures.topUpReversal;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static dev.rei.domain.fixtures.LedgerFixtures.unknownTransferId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.LedgerViolation.Invariant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LedgerAudit} on a sound ledger, and on states corrupted by hand, one invariant at a time.
 * Where the corruption can be made to break one invariant only, the test asserts exactly that one.
 */
class LedgerAuditTest {

  /** A sound history: Alice and Bob funded, one partly captured hold, one released, one pending. */
  private ReferenceLedger ledger;
  private Transfer aliceTopUp;
  private Transfer capturedHold;
  private Transfer capture;
  private Transfer releasedHold;
  private Transfer release;
  private Transfer pendingHold;

  @BeforeEach
  void soundLedger() {
    ledger = ledger().user(ALICE, 50).user(BOB, 20).build();
    aliceTopUp = ledger.transfers().get(0);
    capturedHold = transfer(apply(ledger, spendHold(key("job", 1, "hold"), ALICE, 10, at(600)), at(1)));
    capture = transfer(apply(ledger, capture(key("job", 1, "capture"), capturedHold.id(), 6), at(2)));
    releasedHold = transfer(apply(ledger, spendHold(key("job", 2, "hold"), BOB, 5), at(3)));
    release = transfer(apply(ledger, release(key("job", 2, "release"), releasedHold.id(), ReleaseReason.FAILED), at(4)));
    pendingHold = transfer(apply(ledger, spendHold(key("job", 3, "hold"), ALICE, 7), at(5)));
    apply(ledger, topUpReversal(key("refund", 1), BOB, 3), at(6));
  }

  private Transfer transfer(TransferId id) {
    return ledger.transfer(id).orElseThrow();
  }

  private List<Transfer> transfers() {
    return new ArrayList<>(ledger.transfers());
  }

  private List<AccountBalance> balances() {
    return new ArrayList<>(ledger.balances());
  }

  private static List<Invariant> invariants(List<LedgerViolation> violations) {
    return violations.stream().map(LedgerViolation::invariant).distinct().toList();
  }

  /** The counters a list of transfers adds up to, computed as a correct store would keep them. */
  private static List<AccountBalance> countersOf(List<Transfer> transfers) {
    Map<AccountId, AccountBalance> counters = new LinkedHashMap<>();
    for (SystemAccount system : SystemAccount.values()) {
      counters.put(system, AccountBalance.empty(system));
    }
    Map<TransferId, Transfer> byId = new HashMap<>();
    for (Transfer transfer : transfers) {
      byId.putIfAbsent(transfer.id(), transfer);
      Credits held = transfer.pendingId().map(id -> byId.get(id).amount()).orElse(Credits.ZERO);
      for (AccountId account : List.of(transfer.debit(), transfer.credit())) {
        counters.put(account, counters.getOrDefault(account, AccountBalance.empty(account)).apply(transfer, held));
      }
    }
    return List.copyOf(counters.values());
  }

  private static List<AccountBalance> replace(List<AccountBalance> balances, AccountId account,
      UnaryOperator<AccountBalance> change) {
    return balances.stream().map(b -> b.account().equals(account) ? change.apply(b) : b).toList();
  }

  private static AccountBalance plusCreditsPosted(AccountBalance b, long delta) {
    return new AccountBalance(b.account(), b.debitsPosted(), credits(b.creditsPosted().value() + delta),
        b.debitsPending(), b.creditsPending());
  }

  // ---------------------------------------------------------------- sound ledgers

  @Test
  void givenEmptyLedger_audit_isEmpty() {
    assertThat(new ReferenceLedger().audit()).isEmpty();
    assertThat(LedgerAudit.check(List.of(), List.of())).isEmpty();
  }

  @Test
  void givenSoundLedger_audit_isEmpty() {
    assertThat(ledger.audit()).isEmpty();
    assertThat(LedgerAudit.check(ledger.balances(), ledger.transfers())).isEmpty();
  }

  @Test
  void givenOnlyStoredAccounts_audit_treatsMissingEmptyAccountsAsEmpty() {
    List<AccountBalance> withoutEmpty = balances().stream()
        .filter(b -> !b.equals(AccountBalance.empty(b.account()))).toList();

    assertThat(LedgerAudit.check(withoutEmpty, transfers())).isEmpty();
  }

  @Test
  void givenCountersRebuiltByTheTestsReplay_audit_agreesWithTheLedger() {
    assertThat(LedgerAudit.check(countersOf(transfers()), transfers())).isEmpty();
  }

  // ---------------------------------------------------------------- BALANCES_SUM_TO_ZERO

  @Test
  void givenAccountListedTwice_audit_reportsOnlyTheSum() {
    List<AccountBalance> balances = balances();
    balances.add(ledger.balance(account(ALICE)));

    assertThat(invariants(LedgerAudit.check(balances, transfers()))).containsExactly(Invariant.BALANCES_SUM_TO_ZERO);
  }

  @Test
  void givenPostedCounterTampered_audit_reportsTheSum() {
    List<AccountBalance> balances = replace(balances(), SystemAccount.SALES, b -> plusCreditsPosted(b, 1));

    assertThat(invariants(LedgerAudit.check(balances, transfers())))
        .contains(Invariant.BALANCES_SUM_TO_ZERO, Invariant.COUNTERS_MATCH_ENTRIES);
  }

  @Test
  void givenPendingCounterTampered_audit_reportsTheSum() {
    List<AccountBalance> balances = replace(balances(), SystemAccount.REVENUE, b -> new AccountBalance(b.account(),
        b.debitsPosted(), b.creditsPosted(), b.debitsPending(), b.creditsPending().plus(credits(1))));

    assertThat(invariants(LedgerAudit.check(balances, transfers())))
        .contains(Invariant.BALANCES_SUM_TO_ZERO, Invariant.COUNTERS_MATCH_ENTRIES)
        .doesNotContain(Invariant.USER_BALANCE_NON_NEGATIVE);
  }

  // ---------------------------------------------------------------- USER_BALANCE_NON_NEGATIVE

  @Test
  void givenHistoryOverdrawingAUser_audit_reportsOnlyTheUserFloor() {
    Transfer overdraft = copyOf(aliceTopUp).as(100, "overdraft").debit(account(ALICE)).credit(SystemAccount.SALES)
        .kind(TransferKind.TOP_UP_REVERSAL).amount(80).build();
    List<Transfer> transfers = transfers();
    transfers.add(overdraft);

    List<LedgerViolation> violations = LedgerAudit.check(countersOf(transfers), transfers);

    assertThat(invariants(violations)).containsExactly(Invariant.USER_BALANCE_NON_NEGATIVE);
    assertThat(violations.get(0).detail()).contains("user:" + ALICE.value());
  }

  @Test
  void givenHoldBeyondPostedCredits_audit_reportsNegativeAvailable() {
    Transfer bigHold = copyOf(pendingHold).as(100, "big-hold").amount(500).build();
    List<Transfer> transfers = transfers();
    transfers.add(bigHold);
    List<AccountBalance> counters = countersOf(transfers);

    assertThat(counters).filteredOn(b -> b.account().equals(account(ALICE)))
        .allSatisfy(b -> assertThat(b.netPosted()).isPositive());
    assertThat(invariants(LedgerAudit.check(counters, transfers))).containsExactly(Invariant.USER_BALANCE_NON_NEGATIVE);
  }

  @Test
  void givenStoredNegativeUserBalance_audit_reportsTheFloor() {
    List<AccountBalance> balances = replace(balances(), account(BOB), b -> new AccountBalance(b.account(),
        b.debitsPosted().plus(credits(100)), b.creditsPosted(), b.debitsPending(), b.creditsPending()));

    assertThat(invariants(LedgerAudit.check(balances, transfers()))).contains(Invariant.USER_BALANCE_NON_NEGATIVE);
  }

  @Test
  void givenNegativeSystemAccount_audit_isEmpty() {
    assertThat(ledger.balance(SystemAccount.SALES).netPosted()).isNegative();
    assertThat(ledger.audit()).isEmpty();
  }

  // ---------------------------------------------------------------- COUNTERS_MATCH_ENTRIES

  @Test
  void givenCreditMovedBetweenUsersCounters_audit_reportsOnlyTheMismatch() {
    List<AccountBalance> balances = replace(balances(), account(ALICE), b -> plusCreditsPosted(b, -1));
    balances = replace(balances, account(BOB), b -> plusCreditsPosted(b, 1));

    List<LedgerViolation> violations = LedgerAudit.check(balances, transfers());

    assertThat(invariants(violations)).containsExactly(Invariant.COUNTERS_MATCH_ENTRIES);
    assertThat(violations).hasSize(2);
  }

  @Test
  void givenTransferMissingFromTheHistory_audit_reportsTheMismatch() {
    List<Transfer> transfers = transfers();
    transfers.remove(aliceTopUp);

    assertThat(invariants(LedgerAudit.check(balances(), transfers))).contains(Invariant.COUNTERS_MATCH_ENTRIES);
  }

  @Test
  void givenAccountMissingFromTheBalances_audit_reportsTheMismatch() {
    List<AccountBalance> balances = balances().stream().filter(b -> !b.account().equals(account(BOB))).toList();

    assertThat(invariants(LedgerAudit.check(balances, transfers()))).contains(Invariant.COUNTERS_MATCH_ENTRIES);
  }

  // ---------------------------------------------------------------- HOLD_RESOLVED_AT_MOST_ONCE

  @Test
  void givenTwoReleasesOfOneHold_audit_reportsOnlyTheSecondResolution() {
    List<Transfer> transfers = transfers();
    transfers.add(copyOf(release).as(100, "job:2:release-again").build());

    List<LedgerViolation> violations = LedgerAudit.check(balances(), transfers);

    assertThat(invariants(violations)).containsExactly(Invariant.HOLD_RESOLVED_AT_MOST_ONCE);
    assertThat(violations.get(0).detail()).contains(releasedHold.id().toString());
  }

  @Test
  void givenReleaseAfterCapture_audit_reportsTheSecondResolution() {
    Transfer releaseOfCaptured = copyOf(release).as(100, "job:1:release").pendingId(Optional.of(capturedHold.id()))
        .debit(capturedHold.debit()).credit(capturedHold.credit()).amount(capturedHold.amount().value()).build();
    List<Transfer> transfers = transfers();
    transfers.add(releaseOfCaptured);

    assertThat(invariants(LedgerAudit.check(balances(), transfers)))
        .containsExactly(Invariant.HOLD_RESOLVED_AT_MOST_ONCE);
  }

  // ---------------------------------------------------------------- CAPTURE_WITHIN_HOLD

  @Test
  void givenCaptureLargerThanItsHold_audit_reportsIt() {
    List<Transfer> transfers = transfers();
    transfers.set(transfers.indexOf(capture), copyOf(capture).amount(11).build());

    assertThat(invariants(LedgerAudit.check(balances(), transfers))).contains(Invariant.CAPTURE_WITHIN_HOLD);
  }

  @Test
  void givenExtraCaptureLargerThanAPendingHold_audit_reportsOnlyIt() {
    // The extra capture is not counted, so the stored counters still match the entries.
    Transfer tooLarge = copyOf(capture).as(100, "job:3:capture").pendingId(Optional.of(pendingHold.id())).amount(8)
        .build();
    List<Transfer> transfers = transfers();
    transfers.add(tooLarge);

    assertThat(invariants(LedgerAudit.check(balances(), transfers))).containsExactly(Invariant.CAPTURE_WITHIN_HOLD);
  }

  @Test
  void givenReleaseOfAnotherAmountThanHeld_audit_reportsIt() {
    List<Transfer> transfers = transfers();
    transfers.set(transfers.indexOf(release), copyOf(release).amount(4).build());

    assertThat(invariants(LedgerAudit.check(balances(), transfers))).contains(Invariant.CAPTURE_WITHIN_HOLD);
  }

  // ---------------------------------------------------------------- RESOLUTION_NAMES_A_HOLD

  @Test
  void givenReleaseNamingAPost_audit_reportsOnlyTheResolution() {
    Transfer releaseOfPost = copyOf(release).as(100, "bogus-release").pendingId(Optional.of(aliceTopUp.id()))
        .debit(aliceTopUp.debit()).credit(aliceTopUp.credit()).amount(aliceTopUp.amount().value()).build();
    List<Transfer> transfers = transfers();
    transfers.add(releaseOfPost);

    assertThat(invariants(LedgerAudit.check(balances(), transfers))).containsExactly(Invariant.RESOLUTION_NAMES_A_HOLD);
  }

  @Test
  void givenCaptureNamingAnUnknownTransfer_audit_reportsTheResolution() {
    List<Transfer> transfers = transfers();
    transfers.add(copyOf(capture).as(100, "bogus-capture").pendingId(Optional.of(unknownTransferId(1))).build());

    assertThat(invariants(LedgerAudit.check(balances(), transfers))).containsExactly(Invariant.RESOLUTION_NAMES_A_HOLD);
  }

  @Test
  void givenCaptureWithOtherAccountsThanItsHold_audit_reportsTheResolution() {
    List<Transfer> transfers = transfers();
    transfers.add(copyOf(capture).as(100, "bogus-capture").pendingId(Optional.of(pendingHold.id()))
        .debit(account(BOB)).build());

    assertThat(invariants(LedgerAudit.check(balances(), transfers))).containsExactly(Invariant.RESOLUTION_NAMES_A_HOLD);
  }

  @Test
  void givenResolutionListedBeforeItsHold_audit_reportsTheResolution() {
    List<Transfer> transfers = transfers();
    transfers.remove(release);
    transfers.add(transfers.indexOf(releasedHold), release);

    assertThat(invariants(LedgerAudit.check(balances(), transfers))).contains(Invariant.RESOLUTION_NAMES_A_HOLD);
  }

  // ---------------------------------------------------------------- KEYS_UNIQUE

  @Test
  void givenTwoTransfersWithOneKey_audit_reportsOnlyTheKeys() {
    List<Transfer> transfers = transfers();
    transfers.add(copyOf(aliceTopUp).id(transferId(100)).createdAt(at(50)).build());

    List<LedgerViolation> violations = LedgerAudit.check(countersOf(transfers), transfers);

    assertThat(invariants(violations)).containsExactly(Invariant.KEYS_UNIQUE);
    assertThat(violations.get(0).detail()).contains(aliceTopUp.key().value());
  }

  @Test
  void givenTwoTransfersWithOneId_audit_reportsOnlyTheIds() {
    List<Transfer> transfers = transfers();
    transfers.add(copyOf(aliceTopUp).key(key("another", "payment")).build());

    assertThat(invariants(LedgerAudit.check(countersOf(transfers), transfers))).containsExactly(Invariant.KEYS_UNIQUE);
  }

  @Test
  void givenRecordedReplay_audit_wouldSeeItTwice() {
    // A store that recorded a replay instead of returning the first transfer breaks two invariants.
    List<Transfer> transfers = transfers();
    transfers.add(copyOf(capture).id(transferId(100)).build());

    assertThat(invariants(LedgerAudit.check(balances(), transfers)))
        .contains(Invariant.KEYS_UNIQUE, Invariant.HOLD_RESOLVED_AT_MOST_ONCE);
  }

  // ---------------------------------------------------------------- the violation record

  @Test
  void givenNulls_violation_isRejected() {
    assertThatThrownBy(() -> new LedgerViolation(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new LedgerViolation(Invariant.KEYS_UNIQUE, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenEveryInvariant_aTestAboveBreaksIt() {
    // Keeps this class honest when an invariant is added: each must have a test that breaks it.
    assertThat(Invariant.values()).containsExactlyInAnyOrder(Invariant.BALANCES_SUM_TO_ZERO,
        Invariant.USER_BALANCE_NON_NEGATIVE, Invariant.COUNTERS_MATCH_ENTRIES, Invariant.HOLD_RESOLVED_AT_MOST_ONCE,
        Invariant.CAPTURE_WITHIN_HOLD, Invariant.RESOLUTION_NAMES_A_HOLD, Invariant.KEYS_UNIQUE);
  }
}
