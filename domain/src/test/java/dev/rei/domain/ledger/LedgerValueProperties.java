package dev.rei.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.fixtures.LedgerFixtures;
import dev.rei.domain.user.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** The value types of the ledger over many random values. */
class LedgerValueProperties {

  @Provide
  Arbitrary<AccountId> accountIds() {
    return LedgerFixtures.Generators.accountIds();
  }

  @Provide
  Arbitrary<IdempotencyKey> keys() {
    return LedgerFixtures.Generators.keys();
  }

  /** Strings that look like account codes, and some that only nearly do. */
  @Provide
  Arbitrary<String> codeLikeStrings() {
    Arbitrary<String> tail = Arbitraries.oneOf(
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.strings().withChars("0123456789+- \u0664\uff14abcSALES").ofMaxLength(8));
    return Arbitraries.oneOf(
        tail.map(t -> "user:" + t),
        tail.map(t -> "system:" + t),
        Arbitraries.of(SystemAccount.class).map(a -> a.code().toUpperCase(java.util.Locale.ROOT)),
        Arbitraries.strings().ofMaxLength(20));
  }

  @Property(tries = 1000)
  void anyAccount_parseOfItsCode_isTheAccount(@ForAll("accountIds") AccountId account) {
    assertThat(AccountId.parse(account.code())).isEqualTo(account);
  }

  @Property(tries = 1000)
  void anyString_parse_eitherRejectsItOrGivesTheAccountWithExactlyThatCode(@ForAll("codeLikeStrings") String code) {
    AccountId parsed;
    try {
      parsed = AccountId.parse(code);
    } catch (IllegalArgumentException rejected) {
      return;
    }
    assertThat(parsed.code()).isEqualTo(code);
  }

  @Property(tries = 1000)
  void anyPrintableAsciiKey_isAccepted(@ForAll("keys") IdempotencyKey key) {
    assertThat(IdempotencyKey.of(key.value())).isEqualTo(key);
    assertThat(key.value()).hasSizeBetween(1, IdempotencyKey.MAX_LENGTH).doesNotContain(" ");
  }

  @Property(tries = 1000)
  void anyKeyWithACharacterOutsidePrintableAscii_isRejected(
      @ForAll @StringLength(min = 1, max = 200) String value) {
    boolean printable = value.chars().allMatch(c -> c >= '!' && c <= '~');
    if (printable) {
      assertThat(IdempotencyKey.of(value).value()).isEqualTo(value);
    } else {
      assertThatThrownBy(() -> IdempotencyKey.of(value)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property(tries = 1000)
  void anyTwoAmounts_plusThenMinus_givesTheFirstBack(
      @ForAll @LongRange(max = Long.MAX_VALUE / 2) long a, @ForAll @LongRange(max = Long.MAX_VALUE / 2) long b) {
    Credits first = Credits.of(a);
    Credits second = Credits.of(b);

    assertThat(first.plus(second).minus(second)).isEqualTo(first);
    assertThat(first.plus(second)).isEqualTo(second.plus(first));
    assertThat(first.isAtLeast(second)).isEqualTo(first.compareTo(second) >= 0);
    assertThat(first.isGreaterThan(second)).isEqualTo(first.compareTo(second) > 0);
    assertThat(first.min(second).value()).isEqualTo(Math.min(a, b));
  }

  @Property(tries = 1000)
  void anyUserId_userAccountCode_isUserColonTheId(@ForAll @LongRange(min = 1) long id) {
    assertThat(AccountId.user(UserId.of(id)).code()).isEqualTo("user:" + id);
  }
}
