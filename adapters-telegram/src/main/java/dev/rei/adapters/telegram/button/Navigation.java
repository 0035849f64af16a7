package dev.rei.adapters.telegram.button;

import java.util.Optional;

/**
 * Buttons that only move around the menus. They carry their name in the callback data: a press
 * means exactly what typing the matching command means, so there is nothing to forge.
 */
public enum Navigation {
  MENU("menu"),
  HELP("help"),
  IMAGE("image"),
  VIDEO("video"),
  REELS("reels"),
  ACCOUNT("account"),
  TOPUP("topup"),
  HISTORY("history"),
  SUPPORT("support"),
  LANGUAGE("lang"),
  LANGUAGE_RU("lang_ru"),
  LANGUAGE_EN("lang_en");

  private final String code;

  Navigation(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  static Optional<Navigation> byCode(String code) {
    for (Navigation navigation : values()) {
      if (navigation.code.equals(code)) {
        return Optional.of(navigation);
      }
    }
    return Optional.empty();
  }
}
