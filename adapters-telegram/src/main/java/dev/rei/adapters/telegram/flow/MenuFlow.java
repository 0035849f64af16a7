package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.button.Navigation;
import dev.rei.adapters.telegram.text.UserLanguages;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;

/**
 * The menus and the sections that are only words: /start, /help, the main menu, 👤 Account,
 * the language switch, and the sections not built yet, which say so honestly.
 */
public final class MenuFlow {

  private final FlowKit kit;
  private final UserLanguages languages;

  public MenuFlow(FlowKit kit, UserLanguages languages) {
    this.kit = kit;
    this.languages = languages;
  }

  /** A new user's welcome (sent through the outbox) already carries the menu; anyone else gets it now. */
  public void start(ChatUser user) {
    kit.conversations().reset(user.id());
    if (!user.isNew()) {
      menu(user);
    }
  }

  public void menu(ChatUser user) {
    kit.replies().send(user.chatId(), kit.text(user, "menu.text"), kit.keyboards().mainMenu(user.language()));
  }

  public void help(ChatUser user) {
    kit.replies().send(user.chatId(), kit.text(user, "help.text"), kit.keyboards().menuOnly(user.language()));
  }

  public void chooseLanguage(ChatUser user) {
    kit.replies().send(user.chatId(), kit.text(user, "language.choose"), kit.keyboards().languages(user.language()));
  }

  public void setLanguage(ChatUser user, Language language) {
    languages.change(user.id(), language);
    User changed = user.user().speaking(language);
    ChatUser speaking = new ChatUser(changed, user.chatId(), false);
    kit.replies().send(user.chatId(), kit.text(speaking, "language.changed"), kit.keyboards().mainMenu(language));
  }

  public void imageIntro(ChatUser user) {
    kit.replies().send(user.chatId(), kit.text(user, "image.intro"), kit.keyboards().menuOnly(user.language()));
  }

  public void say(ChatUser user, String key) {
    kit.replies().send(user.chatId(), kit.text(user, key), kit.keyboards().menuOnly(user.language()));
  }

  /** A menu button: the same as its command. */
  public void navigate(ChatUser user, Navigation target) {
    switch (target) {
      case MENU -> menu(user);
      case HELP -> help(user);
      case IMAGE -> imageIntro(user);
      // These start their own flows (VideoFlows, AccountFlow, SupportFlow), which the router asks before this menu.
      case VIDEO, REELS, ACCOUNT, SUPPORT -> menu(user);
      case LANGUAGE -> chooseLanguage(user);
      case LANGUAGE_RU -> setLanguage(user, Language.RU);
      case LANGUAGE_EN -> setLanguage(user, Language.EN);
    }
  }
}
