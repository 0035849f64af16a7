package dev.rei.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferKindTest {

  private static final AccountId USER = AccountId.user(UserId.of(7));
  private static final AccountId OTHER_USER = AccountId.user(UserId.of(8));

  /** Every movement each kind allows, written out; anything not listed is refused. */
  private static final List<String> ALLOWED = List.of(
      "TOP_UP POST system:sales→user",
      "TOP_UP_REVERSAL POST user→system:sales",
      "TOP_UP_REVERSAL POST user→system:bonus",
      "BONUS POST system:bonus→user",
      "SPEND HOLD user→system:revenue",
      "SPEND POST user→system:revenue",
      "ADJUSTMENT POST system:adjustments→user",
      "ADJUSTMENT POST user→system:adjustments");

  @Test
  void givenEveryKindTypeAndAccountPair_allows_matchesTheTable() {
    List<AccountId> accounts = new ArrayList<>(List.of(SystemAccount.values()));
    accounts.add(USER);
    accounts.add(OTHER_USER);
    List<String> allowed = new ArrayList<>();
    for (TransferKind kind : TransferKind.values()) {
      for (TransferType type : List.of(TransferType.POST, TransferType.HOLD)) {
        for (AccountId debit : accounts) {
          for (AccountId credit : accounts) {
            if (kind.allows(type, debit, credit)) {
              allowed.add(kind + " " + type + " " + name(debit) + "→" + name(credit));
            }
          }
        }
      }
    }

    // No kind moves credits between two users.
    assertThat(allowed).containsExactlyInAnyOrderElementsOf(withBothUsers(ALLOWED));
  }

  @Test
  void givenAKindMovingTheWrongWay_request_cannotExist() {
    TransferMemo memo = TransferMemo.of(ReferenceType.PAYMENT, "p");

    assertThatThrownBy(() -> new TransferRequest.Post(IdempotencyKey.of("k"), USER, SystemAccount.SALES,
        Credits.of(1), TransferKind.TOP_UP, memo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TOP_UP");
    assertThatThrownBy(() -> new TransferRequest.Hold(IdempotencyKey.of("k"), SystemAccount.SALES, USER,
        Credits.of(1), TransferKind.TOP_UP, memo, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransferRequest.Post(IdempotencyKey.of("k"), USER, OTHER_USER,
        Credits.of(1), TransferKind.ADJUSTMENT, memo))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String name(AccountId account) {
    return account instanceof UserAccount ? "user" : account.code();
  }

  /** Each row has one user side, which either of the two test users can take. */
  private static List<String> withBothUsers(List<String> table) {
    List<String> expanded = new ArrayList<>(table);
    expanded.addAll(table);
    return expanded;
  }
}
