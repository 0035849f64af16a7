package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.ALICE;
import static dev.rei.domain.fixtures.LedgerFixtures.T0;
import static dev.rei.domain.fixtures.LedgerFixtures.account;
import static dev.rei.domain.fixtures.LedgerFixtures.at;
import static dev.rei.domain.fixtures.LedgerFixtures.copyOf;
import static dev.rei.domain.fixtures.LedgerFixtures.credits;
import static dev.rei.domain.fixtures.LedgerFixtures.key;
import static dev.rei.domain.fixtures.LedgerFixtures.spendHold;
import static dev.rei.domain.fixtures.LedgerFixtures.topUp;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferTest {

  private static final Transfer POST = Transfer.recordPost(transferId(1), topUp(key("p"), ALICE, 10), T0);
  private static final Transfer HOLD = Transfer.recordHold(transferId(2), spendHold(key("h"), ALICE, 10, at(60)), T0);

  @Test
  void givenPostRequest_recordPost_copiesItsContent() {
    assertThat(POST.id()).isEqualTo(transferId(1));
    assertThat(POST.key()).isEqualTo(key("p"));
    assertThat(POST.type()).isEqualTo(TransferType.POST);
    assertThat(POST.debit()).isEqualTo(SystemAccount.SALES);
    assertThat(POST.credit()).isEqualTo(account(ALICE));
    assertThat(POST.amount()).isEqualTo(credits(10));
    assertThat(POST.kind()).isEqualTo(TransferKind.TOP_UP);
    assertThat(POST.pendingId()).isEmpty();
    assertThat(POST.expiresAt()).isEmpty();
    assertThat(POST.releaseReason()).isEmpty();
    assertThat(POST.createdAt()).isEqualTo(T0);
  }

  @Test
  void givenHold_recordCaptureAndRelease_copyItsAccountsKindAndMemo() {
    Transfer capture = Transfer.recordCapture(transferId(3), key("c"), HOLD, credits(4), at(1));
    Transfer release = Transfer.recordRelease(transferId(4), key("r"), HOLD, ReleaseReason.CANCELLED, at(2));

    assertThat(capture.type()).isEqualTo(TransferType.CAPTURE);
    assertThat(capture.amount()).isEqualTo(credits(4));
    assertThat(release.type()).isEqualTo(TransferType.RELEASE);
    assertThat(release.amount()).isEqualTo(HOLD.amount());
    assertThat(release.releaseReason()).contains(ReleaseReason.CANCELLED);
    for (Transfer resolution : new Transfer[] {capture, release}) {
      assertThat(resolution.pendingId()).contains(HOLD.id());
      assertThat(resolution.debit()).isEqualTo(HOLD.debit());
      assertThat(resolution.credit()).isEqualTo(HOLD.credit());
      assertThat(resolution.kind()).isEqualTo(HOLD.kind());
      assertThat(resolution.memo()).isEqualTo(HOLD.memo());
      assertThat(resolution.expiresAt()).isEmpty();
    }
  }

  @Test
  void givenAccountPayingItself_constructor_isRejected() {
    assertThatThrownBy(() -> copyOf(POST).debit(account(ALICE)).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenPendingIdOnPostOrHold_constructor_isRejected() {
    assertThatThrownBy(() -> copyOf(POST).pendingId(Optional.of(HOLD.id())).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> copyOf(HOLD).pendingId(Optional.of(POST.id())).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenResolutionWithoutPendingId_constructor_isRejected() {
    assertThatThrownBy(() -> copyOf(POST).type(TransferType.CAPTURE).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> copyOf(POST).type(TransferType.RELEASE).releaseReason(Optional.of(ReleaseReason.FAILED)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenExpiryOnAnythingButAHold_constructor_isRejected() {
    assertThatThrownBy(() -> copyOf(POST).expiresAt(Optional.of(at(1))).build())
        .isInstanceOf(IllegalArgumentException.class);
    Transfer capture = Transfer.recordCapture(transferId(3), key("c"), HOLD, credits(4), at(1));
    assertThatThrownBy(() -> copyOf(capture).expiresAt(Optional.of(at(1))).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenReleaseReasonOnlyWhereNotARelease_constructor_isRejected() {
    assertThatThrownBy(() -> copyOf(POST).releaseReason(Optional.of(ReleaseReason.FAILED)).build())
        .isInstanceOf(IllegalArgumentException.class);
    Transfer release = Transfer.recordRelease(transferId(4), key("r"), HOLD, ReleaseReason.CANCELLED, at(2));
    assertThatThrownBy(() -> copyOf(release).releaseReason(Optional.empty()).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenZeroAmount_constructor_allowsOnlyACapture() {
    assertThatNoException().isThrownBy(() -> Transfer.recordCapture(transferId(3), key("c"), HOLD, Credits.ZERO, T0));
    assertThatThrownBy(() -> copyOf(POST).amount(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> copyOf(HOLD).amount(0).build()).isInstanceOf(IllegalArgumentException.class);
    Transfer release = Transfer.recordRelease(transferId(4), key("r"), HOLD, ReleaseReason.CANCELLED, at(2));
    assertThatThrownBy(() -> copyOf(release).amount(0).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNulls_constructor_isRejected() {
    assertThatThrownBy(() -> copyOf(POST).id(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> copyOf(POST).key(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> copyOf(POST).type(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> copyOf(POST).debit(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> copyOf(POST).credit(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> copyOf(POST).kind(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> copyOf(POST).pendingId(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> copyOf(POST).expiresAt(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> copyOf(POST).releaseReason(null).build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> copyOf(POST).createdAt(null).build()).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenHoldWithExpiry_isExpiredAt_isTrueFromTheExpiryOn() {
    Instant expiry = at(60);

    assertThat(HOLD.isExpiredAt(expiry.minusNanos(1))).isFalse();
    assertThat(HOLD.isExpiredAt(expiry)).isTrue();
    assertThat(HOLD.isExpiredAt(expiry.plusSeconds(1))).isTrue();
  }

  @Test
  void givenNoExpiry_isExpiredAt_isNeverTrue() {
    Transfer forever = Transfer.recordHold(transferId(5), spendHold(key("f"), ALICE, 1), T0);

    assertThat(forever.isExpiredAt(Instant.MAX)).isFalse();
    assertThat(POST.isExpiredAt(Instant.MAX)).isFalse();
  }

  @Test
  void givenTypes_resolvesHold_isTrueForCaptureAndReleaseOnly() {
    assertThat(TransferType.POST.resolvesHold()).isFalse();
    assertThat(TransferType.HOLD.resolvesHold()).isFalse();
    assertThat(TransferType.CAPTURE.resolvesHold()).isTrue();
    assertThat(TransferType.RELEASE.resolvesHold()).isTrue();
  }
}
