package dev.rei.bootstrap.config;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.pricing.CustomAmountRule;
import dev.rei.domain.pricing.TopUpCatalog;
import dev.rei.domain.pricing.TopUpPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-up packages per rail from {@code TOPUP_PACKAGES_<RAIL>} ("price:credits[+bonus],…", the
 * price in the rail's currency) and {@code TOPUP_CUSTOM_<RAIL>} ("price per credit:min:max", or
 * "none"). One credit is one rouble by default, as the seed's prices are in roubles.
 */
final class TopUpConfig {

  static final String HELEKET_CURRENCY = "HELEKET_CURRENCY";
  private static final Pattern PACKAGE = Pattern.compile("\\s*(\\d{1,9}(?:\\.\\d{1,8})?)\\s*:\\s*(\\d{1,9})\\s*(?:\\+\\s*(\\d{1,9}))?\\s*");
  private static final Pattern CUSTOM = Pattern.compile("\\s*(\\d{1,9}(?:\\.\\d{1,8})?)\\s*:\\s*(\\d{1,9})\\s*:\\s*(\\d{1,9})\\s*");

  private TopUpConfig() {}

  static TopUpCatalog read(SettingsReader read) {
    String heleketCode = read.text(HELEKET_CURRENCY, "USDT").toUpperCase(Locale.ROOT);
    Currency heleket;
    try {
      heleket = heleketCode.equals("USDT") ? Currency.USDT : new Currency(heleketCode, 2);
    } catch (IllegalArgumentException e) {
      read.problem(HELEKET_CURRENCY, "must be a currency code such as USDT, was " + SettingsReader.quoted(heleketCode));
      heleket = Currency.USDT;
    }
    List<TopUpPackage> packages = new ArrayList<>();
    List<CustomAmountRule> customs = new ArrayList<>();
    rail(read, Rail.YOOKASSA, Currency.RUB, "100:100,200:200+10,300:300+30", "1:50:50000", packages, customs);
    rail(read, Rail.HELEKET, heleket, "1:100,2:200+10,3:300+30", "0.01:100:500000", packages, customs);
    // A Star costs the buyer about 1.5-2 roubles in the Telegram apps; operators set their own rate.
    rail(read, Rail.TELEGRAM_STARS, Currency.XTR, "50:75,100:150+10,250:375+40", "none", packages, customs);
    try {
      return new TopUpCatalog(packages, customs);
    } catch (IllegalArgumentException e) {
      read.problem("TOPUP_PACKAGES_*", e.getMessage());
      return new TopUpCatalog(List.of(), List.of());
    }
  }

  private static void rail(SettingsReader read, Rail rail, Currency currency, String defaultPackages,
      String defaultCustom, List<TopUpPackage> packages, List<CustomAmountRule> customs) {
    String packagesName = "TOPUP_PACKAGES_" + rail.name();
    String customName = "TOPUP_CUSTOM_" + rail.name();
    String packageText = read.text(packagesName, defaultPackages);
    for (String item : packageText.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      Matcher m = PACKAGE.matcher(item);
      Optional<Money> price = m.matches() ? money(m.group(1), currency) : Optional.empty();
      if (price.isEmpty()) {
        read.problem(packagesName, "each package is price:credits or price:credits+bonus (price in " + currency.code()
            + "), was " + SettingsReader.quoted(item.strip()));
        continue;
      }
      String code = "p" + m.group(1).replace('.', '_');
      try {
        packages.add(new TopUpPackage(code, rail, price.get(), Credits.of(Long.parseLong(m.group(2))),
            Credits.of(m.group(3) == null ? 0 : Long.parseLong(m.group(3)))));
      } catch (IllegalArgumentException e) {
        read.problem(packagesName, e.getMessage());
      }
    }
    String customText = read.text(customName, defaultCustom);
    if (customText.isBlank() || customText.strip().equalsIgnoreCase("none")) {
      return;
    }
    Matcher m = CUSTOM.matcher(customText);
    Optional<Money> perCredit = m.matches() ? money(m.group(1), currency) : Optional.empty();
    if (perCredit.isEmpty()) {
      read.problem(customName, "must be price-per-credit:min:max (price in " + currency.code() + "), or none, was "
          + SettingsReader.quoted(customText.strip()));
      return;
    }
    try {
      customs.add(new CustomAmountRule(rail, perCredit.get(), Credits.of(Long.parseLong(m.group(2))),
          Credits.of(Long.parseLong(m.group(3)))));
    } catch (IllegalArgumentException e) {
      read.problem(customName, e.getMessage());
    }
  }

  private static Optional<Money> money(String amount, Currency currency) {
    try {
      return Optional.of(Money.parse(amount, currency));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
