package dev.rei.domain.user;

import java.util.Locale;

/** The languages the bot speaks; Russian is the default. */
public enum Language {
  RU("ru"),
  EN("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * Picks the language for a Telegram {@code language_code} such as {@code "en-US"}: English for
   * any English variant, Russian for everything else, including an absent code.
   */
  public static Language fromTelegramCode(String languageCode) {
    if (languageCode == null) {
      return RU;
    }
    String primary = languageCode.strip().toLowerCase(Locale.ROOT);
    int dash = primary.indexOf('-');
    if (dash >= 0) {
      primary = primary.substring(0, dash);
    }
    return primary.equals(EN.code) ? EN : RU;
  }
}
