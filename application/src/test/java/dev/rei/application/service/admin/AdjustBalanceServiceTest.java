package dev.rei.application.service.admin;

import static dev.rei.application.service.admin.AdminSteps.ADMIN;
import static dev.rei.application.service.admin.AdminSteps.ALICE;
import static dev.rei.application.service.admin.AdminSteps.WELCOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase.Result;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.out.Notice;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdjustBalanceServiceTest {

  private final InMemoryCore core = new InMemoryCore();
  private final AdminSteps given = new AdminSteps(core);

  @BeforeEach
  void registerAlice() {
    given.register(ALICE);
  }

  @AfterEach
  void ledgerStaysSound() {
    assertThat(core.audit()).isEmpty();
  }

  private Result adjust(UserId admin, UserId target, long credits, String key) {
    return core.adjust.adjust(new AdjustBalanceCommand(admin, target, credits, "goodwill for a failed video",
        IdempotencyKey.of(key)));
  }

  private List<Transfer> adjustmentsIn(UserId user) {
    return core.ledger.history(user, core.clock.now().minusSeconds(1), Set.of(HistoryCategory.ADJUSTMENT), 0, 10);
  }

  @Test
  void givenAddition_adjust_movesCreditsFromAdjustmentsAndFilesThemAsAnAdjustment() {
    Result result = adjust(ADMIN, ALICE, 5, "adj-1");

    Transfer transfer = ((Result.Adjusted) result).transfer();
    assertThat(((Result.Adjusted) result).replayed()).isFalse();
    assertThat(transfer.debit()).isEqualTo(SystemAccount.ADJUSTMENTS);
    assertThat(transfer.credit()).isEqualTo(AccountId.user(ALICE));
    assertThat(transfer.kind()).isEqualTo(TransferKind.ADJUSTMENT);
    assertThat(transfer.memo()).isEqualTo(new TransferMemo(ReferenceType.ADMIN_ACTION, ADMIN.toString(),
        "goodwill for a failed video"));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 5);
    assertThat(adjustmentsIn(ALICE)).containsExactly(transfer);
  }

  @Test
  void givenSubtraction_adjust_movesCreditsToAdjustments() {
    given.topUp(ALICE, 10);

    Transfer transfer = ((Result.Adjusted) adjust(ADMIN, ALICE, -7, "adj-1")).transfer();

    assertThat(transfer.debit()).isEqualTo(AccountId.user(ALICE));
    assertThat(transfer.credit()).isEqualTo(SystemAccount.ADJUSTMENTS);
    assertThat(transfer.amount()).isEqualTo(Credits.of(7));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 10 - 7);
    assertThat(adjustmentsIn(ALICE)).extracting(Transfer::category).containsExactly(HistoryCategory.ADJUSTMENT);
  }

  @Test
  void givenAdjustment_adjust_auditsItAndTellsTheUser() {
    adjust(ADMIN, ALICE, -1, "adj-1");

    assertThat(core.auditLog.about(ALICE, 10)).singleElement().satisfies(entry -> {
      assertThat(entry.admin()).isEqualTo(ADMIN);
      assertThat(entry.action()).isEqualTo("adjust_balance");
      assertThat(entry.target()).isEqualTo(ALICE);
      assertThat(entry.details()).startsWith("-1 credits");
      assertThat(entry.reason()).isEqualTo("goodwill for a failed video");
      assertThat(entry.at()).isEqualTo(core.clock.now());
    });
    assertThat(given.messagesTo(ALICE)).filteredOn(m -> m.notice().type() == Notice.Type.BALANCE_ADJUSTED)
        .singleElement().satisfies(m -> assertThat(m.notice().values())
            .isEqualTo(Map.of("delta", "-1", "reason", "goodwill for a failed video")));
  }

  @Test
  void givenTheSameKeyAgain_adjust_returnsTheFirstTransferWithoutAuditingOrTellingTwice() {
    Result first = adjust(ADMIN, ALICE, 5, "adj-1");
    Result again = adjust(ADMIN, ALICE, 5, "adj-1");

    assertThat(again).isEqualTo(new Result.Adjusted(((Result.Adjusted) first).transfer(), true));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 5);
    assertThat(core.auditLog.about(ALICE, 10)).hasSize(1);
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.BALANCE_ADJUSTED);
  }

  @Test
  void givenTheSameKeyForAnotherAmount_adjust_isRefusedAndChangesNothing() {
    adjust(ADMIN, ALICE, 5, "adj-1");

    assertThat(adjust(ADMIN, ALICE, 6, "adj-1")).isEqualTo(new Result.Refused(AdminRefusal.KEY_USED_FOR_ANOTHER_ACTION));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 5);
    assertThat(core.auditLog.about(ALICE, 10)).hasSize(1);
  }

  @Test
  void givenSubtractionLargerThanTheBalance_adjust_isRefusedWithoutAnAuditEntry() {
    assertThat(adjust(ADMIN, ALICE, -(WELCOME + 1), "adj-1"))
        .isEqualTo(new Result.Refused(AdminRefusal.INSUFFICIENT_FUNDS));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
    assertThat(core.auditLog.about(ALICE, 10)).isEmpty();
    assertThat(given.noticesTo(ALICE)).doesNotContain(Notice.Type.BALANCE_ADJUSTED);
    // A refused request does not use up its key: after a top-up the same press succeeds.
    given.topUp(ALICE, 1);
    assertThat(adjust(ADMIN, ALICE, -(WELCOME + 1), "adj-1")).isInstanceOf(Result.Adjusted.class);
  }

  @Test
  void givenUnknownUser_adjust_isRefused() {
    assertThat(adjust(ADMIN, UserId.of(4242), 5, "adj-1")).isEqualTo(new Result.Refused(AdminRefusal.UNKNOWN_USER));
    assertThat(core.auditLog.about(UserId.of(4242), 10)).isEmpty();
  }

  @Test
  void givenNonAdmin_adjust_isRefusedAndChangesNothing() {
    assertThat(adjust(ALICE, ALICE, 1_000, "adj-1")).isEqualTo(new Result.Refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
    assertThat(core.auditLog.about(ALICE, 10)).isEmpty();
  }

  @Test
  void givenInvalidValues_adjustCommand_cannotBeBuilt() {
    IdempotencyKey key = IdempotencyKey.of("adj-1");
    assertThatIllegalArgumentException().isThrownBy(() -> new AdjustBalanceCommand(ADMIN, ALICE, 0, "why", key));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AdjustBalanceCommand(ADMIN, ALICE, Long.MIN_VALUE, "why", key));
    assertThatIllegalArgumentException().isThrownBy(() -> new AdjustBalanceCommand(ADMIN, ALICE, 1, "  ", key));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AdjustBalanceCommand(ADMIN, ALICE, 1, "x".repeat(501), key));
    assertThat(new AdjustBalanceCommand(ADMIN, ALICE, 1, "x".repeat(500), key).reason()).hasSize(500);
  }
}
