package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.ALICE;
import static dev.rei.domain.fixtures.LedgerFixtures.T0;
import static dev.rei.domain.fixtures.LedgerFixtures.account;
import static dev.rei.domain.fixtures.LedgerFixtures.adjustment;
import static dev.rei.domain.fixtures.LedgerFixtures.bonus;
import static dev.rei.domain.fixtures.LedgerFixtures.credits;
import static dev.rei.domain.fixtures.LedgerFixtures.key;
import static dev.rei.domain.fixtures.LedgerFixtures.spendHold;
import static dev.rei.domain.fixtures.LedgerFixtures.topUp;
import static dev.rei.domain.fixtures.LedgerFixtures.topUpReversal;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HistoryCategoryTest {

  @Test
  void givenTopUpAndItsReversal_category_isTopUp() {
    assertThat(Transfer.recordPost(transferId(1), topUp(key("t"), ALICE, 5), T0).category())
        .isEqualTo(HistoryCategory.TOP_UP);
    assertThat(Transfer.recordPost(transferId(2), topUpReversal(key("r"), ALICE, 5), T0).category())
        .isEqualTo(HistoryCategory.TOP_UP);
  }

  @Test
  void givenBonusAndAdjustments_category_followsTheKind() {
    assertThat(Transfer.recordPost(transferId(1), bonus(key("b"), ALICE, 5), T0).category())
        .isEqualTo(HistoryCategory.BONUS);
    assertThat(Transfer.recordPost(transferId(2), adjustment(key("a"), ALICE, 5, "gift"), T0).category())
        .isEqualTo(HistoryCategory.ADJUSTMENT);
    assertThat(Transfer.recordPost(transferId(3), adjustment(key("s"), ALICE, -5, "abuse"), T0).category())
        .isEqualTo(HistoryCategory.ADJUSTMENT);
  }

  @Test
  void givenSpendHoldAndCapture_category_isSpend() {
    Transfer hold = Transfer.recordHold(transferId(1), spendHold(key("h"), ALICE, 5), T0);

    assertThat(hold.category()).isEqualTo(HistoryCategory.SPEND);
    assertThat(Transfer.recordCapture(transferId(2), key("c"), hold, credits(5), T0).category())
        .isEqualTo(HistoryCategory.SPEND);
    assertThat(Transfer.recordCapture(transferId(3), key("p"), hold, credits(2), T0).category())
        .isEqualTo(HistoryCategory.SPEND);
  }

  @ParameterizedTest
  @EnumSource(ReleaseReason.class)
  void givenReleaseOfASpend_category_isReturn(ReleaseReason reason) {
    Transfer hold = Transfer.recordHold(transferId(1), spendHold(key("h"), ALICE, 5), T0);

    assertThat(Transfer.recordRelease(transferId(2), key("r"), hold, reason, T0).category())
        .isEqualTo(HistoryCategory.RETURN);
  }

  @Test
  void givenZeroCapture_category_isReturn() {
    Transfer hold = Transfer.recordHold(transferId(1), new TransferRequest.Hold(key("h"), account(ALICE),
        SystemAccount.REVENUE, credits(5), TransferKind.SPEND, TransferMemo.of(ReferenceType.JOB, "j"),
        Optional.empty()), T0);

    assertThat(Transfer.recordCapture(transferId(2), key("c"), hold, Credits.ZERO, T0).category())
        .isEqualTo(HistoryCategory.RETURN);
    assertThat(Transfer.recordCapture(transferId(3), key("c2"), hold, credits(1), T0).category())
        .isEqualTo(HistoryCategory.SPEND);
  }
}
