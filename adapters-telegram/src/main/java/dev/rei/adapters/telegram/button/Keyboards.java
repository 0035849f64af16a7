package dev.rei.adapters.telegram.button;

import dev.rei.adapters.telegram.text.Texts;
import dev.rei.domain.user.Language;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** The inline keyboards the bot shows, in the reader's language. */
public final class Keyboards {

  private final Texts texts;

  public Keyboards(Texts texts) {
    this.texts = texts;
  }

  /** 🖼 Image, 🎬 Video, 🎞 Reels, 👤 Account, 🆘 Support, 🌐 Language. */
  public InlineKeyboardMarkup mainMenu(Language language) {
    return rows(List.of(
        List.of(nav(language, "button.image", Navigation.IMAGE), nav(language, "button.video", Navigation.VIDEO)),
        List.of(nav(language, "button.reels", Navigation.REELS), nav(language, "button.account", Navigation.ACCOUNT)),
        List.of(nav(language, "button.support", Navigation.SUPPORT),
            nav(language, "button.language", Navigation.LANGUAGE))));
  }

  public InlineKeyboardMarkup languages(Language language) {
    return of(List.of(nav(language, "button.ru", Navigation.LANGUAGE_RU),
        nav(language, "button.en", Navigation.LANGUAGE_EN)));
  }

  public InlineKeyboardMarkup menuOnly(Language language) {
    return of(List.of(menuButton(language)));
  }

  public InlineKeyboardButton menuButton(Language language) {
    return nav(language, "button.menu", Navigation.MENU);
  }

  public InlineKeyboardButton nav(Language language, String labelKey, Navigation target) {
    return Buttons.button(texts.text(language, labelKey), target);
  }

  /** A keyboard of one row. */
  public static InlineKeyboardMarkup of(List<InlineKeyboardButton> row) {
    return rows(List.of(row));
  }

  public static InlineKeyboardMarkup rows(List<List<InlineKeyboardButton>> rows) {
    return InlineKeyboardMarkup.builder().keyboard(rows.stream().map(InlineKeyboardRow::new).toList()).build();
  }
}
