package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.ALICE;
import static dev.rei.domain.fixtures.LedgerFixtures.BOB;
import static dev.rei.domain.fixtures.LedgerFixtures.T0;
import static dev.rei.domain.fixtures.LedgerFixtures.account;
import static dev.rei.domain.fixtures.LedgerFixtures.credits;
import static dev.rei.domain.fixtures.LedgerFixtures.key;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferRequestTest {

  private static final IdempotencyKey KEY = key("test", "request");
  private static final TransferMemo MEMO = TransferMemo.of(ReferenceType.JOB, "j-1");

  @Test
  void givenZeroAmount_post_isRejected() {
    assertThatThrownBy(() -> new TransferRequest.Post(KEY, SystemAccount.SALES, account(ALICE), Credits.ZERO,
        TransferKind.TOP_UP, MEMO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenZeroAmount_hold_isRejected() {
    assertThatThrownBy(() -> new TransferRequest.Hold(KEY, account(ALICE), SystemAccount.REVENUE, Credits.ZERO,
        TransferKind.SPEND, MEMO, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAccountPayingItself_postAndHold_areRejected() {
    assertThatThrownBy(() -> new TransferRequest.Post(KEY, account(ALICE), account(ALICE), credits(1),
        TransferKind.ADJUSTMENT, MEMO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransferRequest.Post(KEY, SystemAccount.SALES, SystemAccount.SALES, credits(1),
        TransferKind.TOP_UP, MEMO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransferRequest.Hold(KEY, account(ALICE), account(ALICE), credits(1),
        TransferKind.SPEND, MEMO, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNulls_post_isRejected() {
    AccountId user = account(ALICE);
    assertThatThrownBy(() -> new TransferRequest.Post(null, SystemAccount.SALES, user, credits(1), TransferKind.TOP_UP, MEMO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Post(KEY, null, user, credits(1), TransferKind.TOP_UP, MEMO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Post(KEY, SystemAccount.SALES, null, credits(1), TransferKind.TOP_UP, MEMO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Post(KEY, SystemAccount.SALES, user, null, TransferKind.TOP_UP, MEMO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Post(KEY, SystemAccount.SALES, user, credits(1), null, MEMO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Post(KEY, SystemAccount.SALES, user, credits(1), TransferKind.TOP_UP, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenNullExpiry_hold_isRejected() {
    assertThatThrownBy(() -> new TransferRequest.Hold(KEY, account(ALICE), SystemAccount.REVENUE, credits(1),
        TransferKind.SPEND, MEMO, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenNulls_captureAndRelease_areRejected() {
    TransferId hold = transferId(1);
    assertThatThrownBy(() -> new TransferRequest.Capture(null, hold, credits(1))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Capture(KEY, null, credits(1))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Capture(KEY, hold, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Release(null, hold, ReleaseReason.FAILED))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Release(KEY, null, ReleaseReason.FAILED))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferRequest.Release(KEY, hold, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenZeroAmount_capture_isAllowed() {
    assertThatNoException().isThrownBy(() -> new TransferRequest.Capture(KEY, transferId(1), Credits.ZERO));
  }

  @Test
  void givenRecordedPost_sameContentAs_comparesEverythingButIdKeyAndTime() {
    TransferRequest.Post post = new TransferRequest.Post(KEY, SystemAccount.SALES, account(ALICE), credits(5),
        TransferKind.TOP_UP, MEMO);
    Transfer recorded = Transfer.recordPost(transferId(7), post, T0);

    assertThat(post.sameContentAs(recorded)).isTrue();
    assertThat(new TransferRequest.Post(key("other"), SystemAccount.SALES, account(ALICE), credits(5),
        TransferKind.TOP_UP, MEMO).sameContentAs(recorded)).isTrue();
    assertThat(new TransferRequest.Post(KEY, SystemAccount.SALES, account(ALICE), credits(6),
        TransferKind.TOP_UP, MEMO).sameContentAs(recorded)).isFalse();
    assertThat(new TransferRequest.Post(KEY, SystemAccount.SALES, account(BOB), credits(5),
        TransferKind.TOP_UP, MEMO).sameContentAs(recorded)).isFalse();
    // A kind fixes its accounts, so another kind means other accounts too.
    assertThat(new TransferRequest.Post(KEY, SystemAccount.BONUS, account(ALICE), credits(5),
        TransferKind.BONUS, MEMO).sameContentAs(recorded)).isFalse();
    assertThat(new TransferRequest.Post(KEY, SystemAccount.SALES, account(ALICE), credits(5),
        TransferKind.TOP_UP, MEMO.withNote("other")).sameContentAs(recorded)).isFalse();
    // The same movement as a hold instead of a post is other content.
    Transfer spent = Transfer.recordPost(transferId(8), new TransferRequest.Post(KEY, account(ALICE),
        SystemAccount.REVENUE, credits(5), TransferKind.SPEND, MEMO), T0);
    assertThat(new TransferRequest.Hold(KEY, account(ALICE), SystemAccount.REVENUE, credits(5),
        TransferKind.SPEND, MEMO, Optional.empty()).sameContentAs(spent)).isFalse();
  }

  @Test
  void givenRecordedHold_sameContentAs_includesTheExpiry() {
    TransferRequest.Hold hold = new TransferRequest.Hold(KEY, account(ALICE), SystemAccount.REVENUE, credits(5),
        TransferKind.SPEND, MEMO, Optional.of(T0.plusSeconds(60)));
    Transfer recorded = Transfer.recordHold(transferId(7), hold, T0);

    assertThat(hold.sameContentAs(recorded)).isTrue();
    assertThat(new TransferRequest.Hold(KEY, account(ALICE), SystemAccount.REVENUE, credits(5),
        TransferKind.SPEND, MEMO, Optional.of(T0.plusSeconds(61))).sameContentAs(recorded)).isFalse();
    assertThat(new TransferRequest.Hold(KEY, account(ALICE), SystemAccount.REVENUE, credits(5),
        TransferKind.SPEND, MEMO, Optional.empty()).sameContentAs(recorded)).isFalse();
  }

  @Test
  void givenRecordedCaptureAndRelease_sameContentAs_comparesHoldAmountAndReason() {
    Transfer hold = Transfer.recordHold(transferId(1), new TransferRequest.Hold(key("h"), account(ALICE),
        SystemAccount.REVENUE, credits(5), TransferKind.SPEND, MEMO, Optional.empty()), T0);
    Transfer capture = Transfer.recordCapture(transferId(2), KEY, hold, credits(3), T0);
    Transfer release = Transfer.recordRelease(transferId(3), KEY, hold, ReleaseReason.FAILED, T0);

    assertThat(new TransferRequest.Capture(KEY, hold.id(), credits(3)).sameContentAs(capture)).isTrue();
    assertThat(new TransferRequest.Capture(KEY, hold.id(), credits(4)).sameContentAs(capture)).isFalse();
    assertThat(new TransferRequest.Capture(KEY, transferId(9), credits(3)).sameContentAs(capture)).isFalse();
    assertThat(new TransferRequest.Capture(KEY, hold.id(), credits(5)).sameContentAs(release)).isFalse();
    assertThat(new TransferRequest.Release(KEY, hold.id(), ReleaseReason.FAILED).sameContentAs(release)).isTrue();
    assertThat(new TransferRequest.Release(KEY, hold.id(), ReleaseReason.EXPIRED).sameContentAs(release)).isFalse();
    assertThat(new TransferRequest.Release(KEY, transferId(9), ReleaseReason.FAILED).sameContentAs(release)).isFalse();
    assertThat(new TransferRequest.Release(KEY, hold.id(), ReleaseReason.FAILED).sameContentAs(capture)).isFalse();
  }
}
