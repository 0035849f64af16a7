package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.ALICE;
import static dev.rei.domain.fixtures.LedgerFixtures.T0;
import static dev.rei.domain.fixtures.LedgerFixtures.account;
import static dev.rei.domain.fixtures.LedgerFixtures.key;
import static dev.rei.domain.fixtures.LedgerFixtures.topUp;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransferResultTest {

  private static final Transfer TOP_UP = Transfer.recordPost(transferId(1), topUp(key("t"), ALICE, 10), T0);

  @Test
  void givenEachResult_asTransfer_isTheTransferUnlessRefused() {
    AccountBalance sales = AccountBalance.empty(SystemAccount.SALES);
    AccountBalance alice = AccountBalance.empty(account(ALICE));

    assertThat(new TransferResult.Recorded(TOP_UP, sales, alice).asTransfer()).contains(TOP_UP);
    assertThat(new TransferResult.Replayed(TOP_UP).asTransfer()).contains(TOP_UP);
    assertThat(new TransferResult.Refused(TransferRefusal.INSUFFICIENT_FUNDS).asTransfer()).isEmpty();
  }

  @Test
  void givenNulls_results_areRejected() {
    AccountBalance sales = AccountBalance.empty(SystemAccount.SALES);
    assertThatThrownBy(() -> new TransferResult.Recorded(null, sales, sales)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferResult.Recorded(TOP_UP, null, sales)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferResult.Recorded(TOP_UP, sales, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferResult.Replayed(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferResult.Refused(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenEveryRefusal_description_isWritten() {
    for (TransferRefusal refusal : TransferRefusal.values()) {
      assertThat(refusal.description()).isNotBlank();
    }
  }

  @Test
  void givenTransferIdText_parse_roundTrips() {
    TransferId id = transferId(42);

    assertThat(TransferId.parse(id.toString())).isEqualTo(id);
    assertThatThrownBy(() -> TransferId.parse("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransferId(null)).isInstanceOf(NullPointerException.class);
  }
}
