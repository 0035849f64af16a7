package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.ALICE;
import static dev.rei.domain.fixtures.LedgerFixtures.T0;
import static dev.rei.domain.fixtures.LedgerFixtures.credits;
import static dev.rei.domain.fixtures.LedgerFixtures.key;
import static dev.rei.domain.fixtures.LedgerFixtures.spendHold;
import static dev.rei.domain.fixtures.LedgerFixtures.topUp;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HoldTest {

  private static final Transfer PENDING = Transfer.recordHold(transferId(1), spendHold(key("h"), ALICE, 7), T0);

  @Test
  void givenUnresolvedHold_status_isPending() {
    Hold hold = new Hold(PENDING, Optional.empty());

    assertThat(hold.id()).isEqualTo(PENDING.id());
    assertThat(hold.amount()).isEqualTo(credits(7));
    assertThat(hold.status()).isEqualTo(Hold.Status.PENDING);
    assertThat(hold.isPending()).isTrue();
  }

  @Test
  void givenCapture_status_isCaptured() {
    Hold hold = new Hold(PENDING, Optional.of(Transfer.recordCapture(transferId(2), key("c"), PENDING, credits(3), T0)));

    assertThat(hold.status()).isEqualTo(Hold.Status.CAPTURED);
    assertThat(hold.isPending()).isFalse();
  }

  @Test
  void givenRelease_status_isReleased() {
    Hold hold = new Hold(PENDING,
        Optional.of(Transfer.recordRelease(transferId(2), key("r"), PENDING, ReleaseReason.FAILED, T0)));

    assertThat(hold.status()).isEqualTo(Hold.Status.RELEASED);
    assertThat(hold.isPending()).isFalse();
  }

  @Test
  void givenNonHoldPending_constructor_isRejected() {
    Transfer post = Transfer.recordPost(transferId(3), topUp(key("p"), ALICE, 7), T0);

    assertThatThrownBy(() -> new Hold(post, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenResolutionOfAnotherHold_constructor_isRejected() {
    Transfer other = Transfer.recordHold(transferId(4), spendHold(key("o"), ALICE, 7), T0);
    Transfer release = Transfer.recordRelease(transferId(5), key("r"), other, ReleaseReason.FAILED, T0);
    Transfer post = Transfer.recordPost(transferId(3), topUp(key("p"), ALICE, 7), T0);

    assertThatThrownBy(() -> new Hold(PENDING, Optional.of(release))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Hold(PENDING, Optional.of(post))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNulls_constructor_isRejected() {
    assertThatThrownBy(() -> new Hold(null, Optional.empty())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Hold(PENDING, null)).isInstanceOf(NullPointerException.class);
  }
}
