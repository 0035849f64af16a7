package dev.rei.bootstrap.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * One version of a message in a private chat, as the emulator keeps it: sent by the bot or by a user, edited in
 * place (a new version with a higher {@code editCount}) or deleted (a last version with {@code deleted}).
 *
 * @param chatId the chat: a private chat's id is the user's; a group's (see {@code addBotToGroup}) is negative
 * @param messageId numbered per chat from 1, shared by both sides as on Telegram
 * @param fromBot whether the bot sent it
 * @param fromUserId the sender: the user's id or the bot's id
 * @param dateEpochSeconds when it was sent, by the emulator's clock
 * @param text the visible text after parse_mode was applied, or null for a message without text
 * @param caption the visible caption of a media message, or null
 * @param parseMode the parse_mode the bot used, or null
 * @param entities the formatting of the text (or caption): from parse_mode, from explicit entities, or the
 *     bot_command entities of a user's command
 * @param keyboard the attached keyboard, or null
 * @param media the attached photo, video or document, or null
 * @param invoice the invoice of a sendInvoice message, or null
 * @param payment the successful or refunded payment of a service message, or null
 * @param editCount how many times the bot edited it
 * @param editDateEpochSeconds when it was last edited, 0 if never
 * @param deleted whether it was deleted
 */
public record ChatMessage(
    long chatId, int messageId, boolean fromBot, long fromUserId, long dateEpochSeconds,
    String text, String caption, String parseMode, List<TextEntity> entities,
    Keyboard keyboard, Media media, Invoice invoice, SuccessfulPayment payment,
    int editCount, long editDateEpochSeconds, boolean deleted) {

  public ChatMessage {
    entities = List.copyOf(entities);
  }

  /** The text, or the caption of a media message, or an empty string. */
  public String visibleText() {
    if (text != null) {
      return text;
    }
    return caption == null ? "" : caption;
  }

  /** Whether the message carries inline buttons that a user can press. */
  public boolean hasInlineButtons() {
    return keyboard != null && keyboard.kind() == Keyboard.Kind.INLINE && !keyboard.buttons().isEmpty();
  }

  /** The buttons of the keyboard, row after row; empty without a keyboard. */
  public List<Keyboard.Button> buttons() {
    return keyboard == null ? List.of() : keyboard.buttons();
  }

  /** The labels of the buttons, row after row. */
  public List<String> buttonTexts() {
    return buttons().stream().map(Keyboard.Button::text).toList();
  }

  /** The callback data of the inline button with this label. */
  public Optional<String> callbackDataOf(String buttonText) {
    return keyboard == null || keyboard.kind() != Keyboard.Kind.INLINE
        ? Optional.empty()
        : keyboard.callbackDataOf(buttonText);
  }

  ChatMessage edited(String newText, String newCaption, String newParseMode, List<TextEntity> newEntities,
      Keyboard newKeyboard, long atEpochSeconds) {
    return new ChatMessage(chatId, messageId, fromBot, fromUserId, dateEpochSeconds, newText, newCaption,
        newParseMode, newEntities, newKeyboard, media, invoice, payment, editCount + 1, atEpochSeconds, false);
  }

  ChatMessage markedDeleted() {
    return new ChatMessage(chatId, messageId, fromBot, fromUserId, dateEpochSeconds, text, caption, parseMode,
        entities, keyboard, media, invoice, payment, editCount, editDateEpochSeconds, true);
  }
}
