package dev.rei.adapters.telegram.api;

import dev.rei.adapters.telegram.text.Texts;
import dev.rei.domain.user.Language;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The bot's command menu (the "/" button in Telegram's apps), set with setMyCommands when the polling
 * process starts: in Russian for everyone (the default scope, no language) and in English for users
 * whose app speaks English. Admin commands are not in it. A failure is logged and changes nothing
 * else: the bot works without a menu.
 */
public final class CommandMenu {

  private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);

  /** The commands listed, in the order shown; each has a {@code command.<name>} text. */
  public static final List<String> COMMANDS = List.of("start", "generate", "prompt", "refs", "clear", "settings",
      "history", "balance", "topup", "video", "reels", "support", "cancel", "help");

  private final TelegramCalls calls;
  private final Texts texts;

  public CommandMenu(TelegramCalls calls, Texts texts) {
    this.calls = calls;
    this.texts = texts;
  }

  /** Sets both menus; true if Telegram took both. */
  public boolean publish() {
    boolean russian = set(Language.RU, null);
    boolean english = set(Language.EN, Language.EN.code());
    return russian && english;
  }

  private boolean set(Language language, String languageCode) {
    List<BotCommand> commands = COMMANDS.stream()
        .map(name -> new BotCommand(name, texts.text(language, "command." + name)))
        .toList();
    TelegramCalls.Result<Boolean> result = calls.callUnpaced(client -> client.execute(SetMyCommands.builder()
        .commands(commands).languageCode(languageCode).build()));
    if (result instanceof TelegramCalls.Result.Failed<Boolean> failed) {
      log.warn("the {} command menu was not set: {}", language.code(), failed.failure().summary());
      return false;
    }
    return true;
  }
}
