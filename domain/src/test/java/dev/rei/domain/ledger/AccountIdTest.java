package dev.rei.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {

  @Test
  void givenUser_code_isUserColonId() {
    AccountId account = AccountId.user(UserId.of(42));

    assertThat(account).isEqualTo(new UserAccount(UserId.of(42)));
    assertThat(account.code()).isEqualTo("user:42");
    assertThat(account).hasToString("user:42");
    assertThat(account.mustStayNonNegative()).isTrue();
  }

  @Test
  void givenSystemAccounts_code_isSystemColonLowercaseName() {
    assertThat(SystemAccount.SALES.code()).isEqualTo("system:sales");
    assertThat(SystemAccount.BONUS.code()).isEqualTo("system:bonus");
    assertThat(SystemAccount.ADJUSTMENTS.code()).isEqualTo("system:adjustments");
    assertThat(SystemAccount.REVENUE.code()).isEqualTo("system:revenue");
  }

  @ParameterizedTest
  @EnumSource(SystemAccount.class)
  void givenSystemAccount_parseOfCode_roundTrips(SystemAccount account) {
    assertThat(AccountId.parse(account.code())).isSameAs(account);
    assertThat(account.mustStayNonNegative()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 7_000_000_001L, Long.MAX_VALUE})
  void givenUserAccount_parseOfCode_roundTrips(long id) {
    AccountId account = AccountId.user(UserId.of(id));

    assertThat(AccountId.parse(account.code())).isEqualTo(account);
    assertThat(AccountId.parse("user:" + id).code()).isEqualTo("user:" + id);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "user:", "user:abc", "user:0", "user:-5", "user:4 2", "user: 42", "user:42 ", "user:9223372036854775808",
      "user:+42", "user:042", "user:\u0664\u0662", "USER:42", "42", "system:", "system:SALES", "system:wallet",
      "SALES", "sales", " system:sales", "system:sales "})
  void givenGarbage_parse_isRejected(String code) {
    assertThatThrownBy(() -> AccountId.parse(code)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNull_parse_isRejected() {
    assertThatThrownBy(() -> AccountId.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNullUser_userAccount_isRejected() {
    assertThatThrownBy(() -> new UserAccount(null)).isInstanceOf(NullPointerException.class);
  }
}
