package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.ALICE;
import static dev.rei.domain.fixtures.LedgerFixtures.BOB;
import static dev.rei.domain.fixtures.LedgerFixtures.T0;
import static dev.rei.domain.fixtures.LedgerFixtures.account;
import static dev.rei.domain.fixtures.LedgerFixtures.credits;
import static dev.rei.domain.fixtures.LedgerFixtures.key;
import static dev.rei.domain.fixtures.LedgerFixtures.spendHold;
import static dev.rei.domain.fixtures.LedgerFixtures.topUp;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountBalanceTest {

  private static final Transfer TOP_UP = Transfer.recordPost(transferId(1), topUp(key("t"), ALICE, 10), T0);
  private static final Transfer HOLD = Transfer.recordHold(transferId(2), spendHold(key("h"), ALICE, 4), T0);

  private static AccountBalance balance(AccountId account, long dPosted, long cPosted, long dPending, long cPending) {
    return new AccountBalance(account, credits(dPosted), credits(cPosted), credits(dPending), credits(cPending));
  }

  @Test
  void givenCounters_figures_areDerivedFromThem() {
    AccountBalance balance = balance(account(ALICE), 3, 10, 4, 1);

    assertThat(balance.netPosted()).isEqualTo(7);
    assertThat(balance.available()).isEqualTo(3);
    assertThat(balance.userBalance()).isEqualTo(new UserBalance(credits(7), credits(4), credits(3)));
  }

  @Test
  void givenEmptyAccount_figures_areZero() {
    AccountBalance empty = AccountBalance.empty(account(ALICE));

    assertThat(empty.netPosted()).isZero();
    assertThat(empty.available()).isZero();
    assertThat(empty.userBalance()).isEqualTo(UserBalance.ZERO);
  }

  @Test
  void givenUserAccount_canDebit_onlyUpToAvailable() {
    AccountBalance balance = balance(account(ALICE), 0, 10, 4, 0);

    assertThat(balance.canDebit(credits(6))).isTrue();
    assertThat(balance.canDebit(credits(7))).isFalse();
  }

  @Test
  void givenSystemAccount_canDebit_anyAmount() {
    AccountBalance sales = AccountBalance.empty(SystemAccount.SALES);

    assertThat(sales.canDebit(credits(Long.MAX_VALUE))).isTrue();
  }

  @Test
  void givenSystemAccount_userBalance_isRefused() {
    assertThatThrownBy(() -> AccountBalance.empty(SystemAccount.REVENUE).userBalance())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenPost_apply_movesPostedCounters() {
    assertThat(AccountBalance.empty(SystemAccount.SALES).apply(TOP_UP, Credits.ZERO))
        .isEqualTo(balance(SystemAccount.SALES, 10, 0, 0, 0));
    assertThat(AccountBalance.empty(account(ALICE)).apply(TOP_UP, Credits.ZERO))
        .isEqualTo(balance(account(ALICE), 0, 10, 0, 0));
  }

  @Test
  void givenHold_apply_movesPendingCountersOnly() {
    assertThat(balance(account(ALICE), 0, 10, 0, 0).apply(HOLD, Credits.ZERO))
        .isEqualTo(balance(account(ALICE), 0, 10, 4, 0));
    assertThat(AccountBalance.empty(SystemAccount.REVENUE).apply(HOLD, Credits.ZERO))
        .isEqualTo(balance(SystemAccount.REVENUE, 0, 0, 0, 4));
  }

  @Test
  void givenPartialCapture_apply_postsTheCaptureAndClearsTheWholeHold() {
    Transfer capture = Transfer.recordCapture(transferId(3), key("c"), HOLD, credits(3), T0);

    assertThat(balance(account(ALICE), 0, 10, 4, 0).apply(capture, HOLD.amount()))
        .isEqualTo(balance(account(ALICE), 3, 10, 0, 0));
    assertThat(balance(SystemAccount.REVENUE, 0, 0, 0, 4).apply(capture, HOLD.amount()))
        .isEqualTo(balance(SystemAccount.REVENUE, 0, 3, 0, 0));
  }

  @Test
  void givenRelease_apply_clearsTheHold() {
    Transfer release = Transfer.recordRelease(transferId(3), key("r"), HOLD, ReleaseReason.FAILED, T0);

    assertThat(balance(account(ALICE), 0, 10, 4, 0).apply(release, HOLD.amount()))
        .isEqualTo(balance(account(ALICE), 0, 10, 0, 0));
    assertThat(balance(SystemAccount.REVENUE, 0, 0, 0, 4).apply(release, HOLD.amount()))
        .isEqualTo(balance(SystemAccount.REVENUE, 0, 0, 0, 0));
  }

  @Test
  void givenTransferOfOtherAccounts_apply_isRejected() {
    assertThatThrownBy(() -> AccountBalance.empty(account(BOB)).apply(TOP_UP, Credits.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenResolutionOfMoreThanIsPending_apply_isRejected() {
    Transfer release = Transfer.recordRelease(transferId(3), key("r"), HOLD, ReleaseReason.FAILED, T0);

    assertThatThrownBy(() -> balance(account(ALICE), 0, 10, 3, 0).apply(release, HOLD.amount()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNulls_constructor_isRejected() {
    assertThatThrownBy(() -> new AccountBalance(null, Credits.ZERO, Credits.ZERO, Credits.ZERO, Credits.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AccountBalance(SystemAccount.SALES, null, Credits.ZERO, Credits.ZERO, Credits.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AccountBalance(SystemAccount.SALES, Credits.ZERO, null, Credits.ZERO, Credits.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AccountBalance(SystemAccount.SALES, Credits.ZERO, Credits.ZERO, null, Credits.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new AccountBalance(SystemAccount.SALES, Credits.ZERO, Credits.ZERO, Credits.ZERO, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenInconsistentFigures_userBalance_isRejected() {
    assertThat(new UserBalance(credits(10), credits(4), credits(6)).available()).isEqualTo(credits(6));
    assertThatThrownBy(() -> new UserBalance(credits(10), credits(4), credits(7)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UserBalance(null, credits(4), credits(6))).isInstanceOf(NullPointerException.class);
  }
}
