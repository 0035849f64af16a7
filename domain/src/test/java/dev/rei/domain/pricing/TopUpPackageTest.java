package dev.rei.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Rail;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TopUpPackageTest {

  private static final Money HUNDRED_STARS = Money.ofMajor(100, Currency.XTR);

  @Test
  void givenPackage_offer_isItsPriceAndCreditsPlusBonus() {
    TopUpPackage stars = new TopUpPackage("stars-100", Rail.TELEGRAM_STARS, HUNDRED_STARS, Credits.of(100), Credits.of(10));

    TopUpOffer offer = stars.offer();

    assertThat(offer).isEqualTo(new TopUpOffer(Rail.TELEGRAM_STARS, HUNDRED_STARS,
        new CreditGrant(Credits.of(100), Credits.of(10)), Optional.of("stars-100")));
    assertThat(offer.grant().total()).isEqualTo(Credits.of(110));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "rub-100", "stars_1000", "9", "abcdefghijklmnopqrstuvwxyz012345"})
  void givenValidCode_construction_isAccepted(String code) {
    assertThat(new TopUpPackage(code, Rail.YOOKASSA, Money.ofMajor(100, Currency.RUB), Credits.of(100), Credits.ZERO).code())
        .isEqualTo(code);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-rub", "_rub", "Rub-100", "rub 100", "rub:100", "пакет", "rub-100\n"})
  void givenMalformedCode_construction_isRefused(String code) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TopUpPackage(code, Rail.YOOKASSA, Money.ofMajor(100, Currency.RUB), Credits.of(100), Credits.ZERO));
  }

  @Test
  void givenTooLongCode_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new TopUpPackage("x".repeat(33), Rail.YOOKASSA,
        Money.ofMajor(100, Currency.RUB), Credits.of(100), Credits.ZERO));
  }

  @Test
  void givenFreePackage_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new TopUpPackage("free", Rail.YOOKASSA,
        Money.ofMinor(0, Currency.RUB), Credits.of(100), Credits.ZERO)).withMessageContaining("cost");
  }

  @Test
  void givenNoCredits_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new TopUpPackage("empty", Rail.YOOKASSA,
        Money.ofMajor(100, Currency.RUB), Credits.ZERO, Credits.of(10))).withMessageContaining("credit");
    assertThatIllegalArgumentException().isThrownBy(() -> new TopUpPackage("empty", Rail.YOOKASSA,
        Money.ofMajor(100, Currency.RUB), null, Credits.of(10)));
  }

  @Test
  void givenMissingParts_construction_isRefused() {
    assertThatThrownBy(() -> new TopUpPackage("p", null, HUNDRED_STARS, Credits.of(1), Credits.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TopUpPackage("p", Rail.TELEGRAM_STARS, null, Credits.of(1), Credits.ZERO))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TopUpPackage("p", Rail.TELEGRAM_STARS, HUNDRED_STARS, Credits.of(1), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenMissingParts_offer_isRefused() {
    CreditGrant grant = new CreditGrant(Credits.of(1), Credits.ZERO);
    assertThatThrownBy(() -> new TopUpOffer(null, HUNDRED_STARS, grant, Optional.empty())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TopUpOffer(Rail.TELEGRAM_STARS, null, grant, Optional.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TopUpOffer(Rail.TELEGRAM_STARS, HUNDRED_STARS, null, Optional.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TopUpOffer(Rail.TELEGRAM_STARS, HUNDRED_STARS, grant, null))
        .isInstanceOf(NullPointerException.class);
  }
}
