package dev.rei.adapters.telegram.flow;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * How the account, top-up and history screens appear: a press on one of their buttons turns the
 * pressed message into the next screen (paging does not flood the chat); a command, or a message
 * that can no longer be edited, gets a new one.
 */
final class AccountScreens {

  private AccountScreens() {}

  static void show(FlowKit kit, ChatUser user, CallbackQuery query, String text, InlineKeyboardMarkup keyboard) {
    Integer pressed = pressedTextMessage(query);
    if (pressed == null || !kit.replies().edit(user.chatId(), pressed, text, keyboard)) {
      kit.replies().send(user.chatId(), text, keyboard);
    }
  }

  /** Adds {@code note} under the pressed message's text, replacing its buttons. */
  static void appendAndClose(FlowKit kit, ChatUser user, CallbackQuery query, String note,
      InlineKeyboardMarkup keyboard) {
    Integer pressed = pressedTextMessage(query);
    String original = pressed == null ? null : ((Message) query.getMessage()).getText();
    if (pressed == null || !kit.replies().edit(user.chatId(), pressed, original + "\n\n" + note, keyboard)) {
      kit.replies().send(user.chatId(), note, keyboard);
    }
  }

  private static Integer pressedTextMessage(CallbackQuery query) {
    return query != null && query.getMessage() instanceof Message message && message.getText() != null
        ? message.getMessageId() : null;
  }
}
