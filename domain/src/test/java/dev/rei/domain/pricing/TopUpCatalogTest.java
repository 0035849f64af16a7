package dev.rei.domain.pricing;

import static dev.rei.domain.fixtures.PricingFixtures.customStarsAmount;
import static dev.rei.domain.fixtures.PricingFixtures.sampleTopUpCatalog;
import static dev.rei.domain.fixtures.PricingFixtures.starsPackages;
import static dev.rei.domain.fixtures.PricingFixtures.yooKassaPackages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Rail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopUpCatalogTest {

  private static final TopUpCatalog CATALOG = sampleTopUpCatalog();

  @Test
  void givenSeedCatalog_packagesFor_listsEachRailsPackagesInConfiguredOrder() {
    assertThat(CATALOG.packagesFor(Rail.YOOKASSA)).extracting(TopUpPackage::code).containsExactly("rub-100", "rub-200", "rub-300");
    assertThat(CATALOG.packagesFor(Rail.YOOKASSA)).extracting(TopUpPackage::price).containsExactly(
        Money.ofMajor(100, Currency.RUB), Money.ofMajor(200, Currency.RUB), Money.ofMajor(300, Currency.RUB));
    assertThat(CATALOG.packagesFor(Rail.TELEGRAM_STARS)).extracting(TopUpPackage::credits)
        .containsExactly(Credits.of(100), Credits.of(250), Credits.of(500), Credits.of(1_000));
    assertThat(CATALOG.packagesFor(Rail.TELEGRAM_STARS)).extracting(TopUpPackage::bonus)
        .containsExactly(Credits.of(10), Credits.of(25), Credits.of(50), Credits.of(100));
    assertThat(CATALOG.packagesFor(Rail.HELEKET)).isEmpty();
  }

  @Test
  void givenPackagesInterleavedAcrossRails_packagesFor_keepsTheConfiguredOrderPerRail() {
    List<TopUpPackage> mixed = List.of(starsPackages().get(2), yooKassaPackages().get(1), starsPackages().get(0),
        yooKassaPackages().get(0));
    TopUpCatalog catalog = new TopUpCatalog(mixed, List.of());

    assertThat(catalog.packagesFor(Rail.TELEGRAM_STARS)).extracting(TopUpPackage::code).containsExactly("stars-500", "stars-100");
    assertThat(catalog.packagesFor(Rail.YOOKASSA)).extracting(TopUpPackage::code).containsExactly("rub-200", "rub-100");
  }

  @Test
  void givenKnownCode_offerPackage_offersThatPackage() {
    TopUpResult result = CATALOG.offerPackage(Rail.TELEGRAM_STARS, "stars-250");

    assertThat(result).isEqualTo(new TopUpResult.Offered(new TopUpOffer(Rail.TELEGRAM_STARS, Money.ofMajor(250, Currency.XTR),
        new CreditGrant(Credits.of(250), Credits.of(25)), Optional.of("stars-250"))));
  }

  @ParameterizedTest
  @CsvSource({
      "YOOKASSA, rub-400",
      "YOOKASSA, stars-100", // a package of another rail
      "TELEGRAM_STARS, rub-100",
      "HELEKET, rub-100",
      "YOOKASSA, RUB-100",
      "YOOKASSA, ''",
  })
  void givenCodeNotOnTheRail_offerPackage_isRefused(Rail rail, String code) {
    assertThat(CATALOG.offerPackage(rail, code)).isEqualTo(new TopUpResult.Refused(TopUpRefusal.UNKNOWN_PACKAGE));
  }

  @Test
  void givenNullCode_offerPackage_isRefusedAsUnknown() {
    assertThat(CATALOG.offerPackage(Rail.YOOKASSA, null)).isEqualTo(new TopUpResult.Refused(TopUpRefusal.UNKNOWN_PACKAGE));
  }

  @Test
  void givenSameCodeTwiceOnOneRail_construction_isRefused() {
    List<TopUpPackage> packages = new ArrayList<>(yooKassaPackages());
    packages.add(new TopUpPackage("rub-100", Rail.YOOKASSA, Money.ofMajor(150, Currency.RUB), Credits.of(150), Credits.ZERO));

    assertThatIllegalArgumentException().isThrownBy(() -> new TopUpCatalog(packages, List.of())).withMessageContaining("twice");
  }

  @Test
  void givenSameCodeOnTwoRails_construction_isAccepted() {
    TopUpPackage onStars = new TopUpPackage("rub-100", Rail.TELEGRAM_STARS, Money.ofMajor(100, Currency.XTR), Credits.of(100),
        Credits.ZERO);
    List<TopUpPackage> packages = new ArrayList<>(yooKassaPackages());
    packages.add(onStars);

    TopUpCatalog catalog = new TopUpCatalog(packages, List.of());

    assertThat(catalog.offerPackage(Rail.TELEGRAM_STARS, "rub-100")).isEqualTo(new TopUpResult.Offered(onStars.offer()));
  }

  @Test
  void givenTwoCustomRulesForOneRail_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new TopUpCatalog(List.of(), List.of(customStarsAmount(),
        new CustomAmountRule(Rail.TELEGRAM_STARS, Money.ofMajor(2, Currency.XTR), Credits.of(1), Credits.of(5)))));
  }

  @Test
  void givenWantedCredits_offerCustom_costsPricePerCreditTimesCreditsWithoutBonus() {
    TopUpResult result = CATALOG.offerCustom(Rail.TELEGRAM_STARS, Credits.of(777));

    assertThat(result).isEqualTo(new TopUpResult.Offered(new TopUpOffer(Rail.TELEGRAM_STARS, Money.ofMajor(777, Currency.XTR),
        new CreditGrant(Credits.of(777), Credits.ZERO), Optional.empty())));
  }

  @Test
  void givenPricePerCreditInKopecks_offerCustom_multipliesExactly() {
    CustomAmountRule rule = new CustomAmountRule(Rail.YOOKASSA, Money.parse("1.25", Currency.RUB), Credits.of(10), Credits.of(5_000));
    TopUpCatalog catalog = new TopUpCatalog(yooKassaPackages(), List.of(rule));

    TopUpResult result = catalog.offerCustom(Rail.YOOKASSA, Credits.of(333));

    assertThat(result).isInstanceOfSatisfying(TopUpResult.Offered.class, offered -> {
      assertThat(offered.offer().price()).isEqualTo(Money.parse("416.25", Currency.RUB));
      assertThat(offered.offer().grant()).isEqualTo(new CreditGrant(Credits.of(333), Credits.ZERO));
      assertThat(offered.offer().packageCode()).isEmpty();
    });
  }

  @Test
  void givenBounds_offerCustom_acceptsMinAndMaxAndRefusesBeyond() {
    assertThat(CATALOG.offerCustom(Rail.TELEGRAM_STARS, Credits.of(1))).isInstanceOf(TopUpResult.Offered.class);
    assertThat(CATALOG.offerCustom(Rail.TELEGRAM_STARS, Credits.of(10_000))).isInstanceOf(TopUpResult.Offered.class);
    assertThat(CATALOG.offerCustom(Rail.TELEGRAM_STARS, Credits.ZERO))
        .isEqualTo(new TopUpResult.Refused(TopUpRefusal.BELOW_MINIMUM));
    assertThat(CATALOG.offerCustom(Rail.TELEGRAM_STARS, Credits.of(10_001)))
        .isEqualTo(new TopUpResult.Refused(TopUpRefusal.ABOVE_MAXIMUM));
  }

  @Test
  void givenHigherMinimum_offerCustom_refusesBelowIt() {
    CustomAmountRule rule = new CustomAmountRule(Rail.HELEKET, Money.parse("0.01", Currency.USDT), Credits.of(10), Credits.of(10_000));

    assertThat(rule.offer(Credits.of(9))).isEqualTo(new TopUpResult.Refused(TopUpRefusal.BELOW_MINIMUM));
    assertThat(rule.offer(Credits.of(10))).isInstanceOf(TopUpResult.Offered.class);
  }

  @Test
  void givenRailWithoutCustomRule_offerCustom_isRefused() {
    assertThat(CATALOG.offerCustom(Rail.YOOKASSA, Credits.of(100)))
        .isEqualTo(new TopUpResult.Refused(TopUpRefusal.CUSTOM_AMOUNT_NOT_OFFERED));
    assertThat(CATALOG.offerCustom(Rail.HELEKET, Credits.of(100)))
        .isEqualTo(new TopUpResult.Refused(TopUpRefusal.CUSTOM_AMOUNT_NOT_OFFERED));
    assertThat(CATALOG.customAmountFor(Rail.YOOKASSA)).isEmpty();
    assertThat(CATALOG.customAmountFor(Rail.TELEGRAM_STARS)).contains(customStarsAmount());
  }

  @Test
  void givenInvalidCustomRule_construction_isRefused() {
    Money star = Money.ofMajor(1, Currency.XTR);
    assertThatIllegalArgumentException().isThrownBy(
        () -> new CustomAmountRule(Rail.TELEGRAM_STARS, Money.ofMinor(0, Currency.XTR), Credits.of(1), Credits.of(10)));
    assertThatIllegalArgumentException().isThrownBy(() -> new CustomAmountRule(Rail.TELEGRAM_STARS, star, Credits.ZERO, Credits.of(10)));
    assertThatIllegalArgumentException().isThrownBy(() -> new CustomAmountRule(Rail.TELEGRAM_STARS, star, Credits.of(11), Credits.of(10)));
    assertThat(new CustomAmountRule(Rail.TELEGRAM_STARS, star, Credits.of(5), Credits.of(5)).offer(Credits.of(5)))
        .isInstanceOf(TopUpResult.Offered.class);
  }

  @Test
  void givenMutableLists_construction_copiesThem() {
    List<TopUpPackage> packages = new ArrayList<>(yooKassaPackages());
    TopUpCatalog catalog = new TopUpCatalog(packages, new ArrayList<>());

    packages.clear();

    assertThat(catalog.packagesFor(Rail.YOOKASSA)).hasSize(3);
    assertThatThrownBy(() -> catalog.packages().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenRefusals_description_isWritten() {
    for (TopUpRefusal refusal : TopUpRefusal.values()) {
      assertThat(refusal.description()).isNotBlank();
    }
  }
}
