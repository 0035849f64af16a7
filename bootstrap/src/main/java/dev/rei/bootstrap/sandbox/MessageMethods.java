package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The text side of the Bot API: sending, editing and deleting messages, chat actions, answers to button presses
 * and the command menu.
 */
final class MessageMethods {

  private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply"
      + " markup are exactly the same as a current content and reply markup of the message";
  private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
      "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location", "record_video_note",
      "upload_video_note");
  private static final int MAX_CALLBACK_ANSWER_LENGTH = 200;

  private final EmulatorState state;

  MessageMethods(EmulatorState state) {
    this.state = state;
  }

  void register(Map<String, MethodHandler> handlers) {
    handlers.put("sendMessage", this::sendMessage);
    handlers.put("editMessageText", this::editMessageText);
    handlers.put("editMessageCaption", this::editMessageCaption);
    handlers.put("editMessageReplyMarkup", this::editMessageReplyMarkup);
    handlers.put("deleteMessage", this::deleteMessage);
    handlers.put("sendChatAction", this::sendChatAction);
    handlers.put("answerCallbackQuery", this::answerCallbackQuery);
    handlers.put("setMyCommands", this::setMyCommands);
    handlers.put("getMyCommands", this::getMyCommands);
    handlers.put("deleteMyCommands", this::deleteMyCommands);
  }

  private ApiResponse sendMessage(ApiParams params) {
    long chatId = params.chatId();
    FormattedText.Parsed text = MessageTexts.text(params);
    Keyboard keyboard = KeyboardParser.parse(params).orElse(null);
    EmulatedUser user = state.conversations.requireReachable(chatId);
    state.admitMessageTo(chatId);
    ChatMessage sent = state.conversations.append(chatId, messageId -> new ChatMessage(chatId, messageId, true,
        state.settings.botId(), state.nowEpochSeconds(), text.text(), null, params.text("parse_mode").orElse(null),
        text.entities(), keyboard, null, null, null, 0, 0, false));
    return ApiResponse.ok(state.render.message(sent, user));
  }

  private ApiResponse editMessageText(ApiParams params) {
    ChatMessage current = editableMessage(params);
    if (current.text() == null) {
      throw ApiRefusal.badRequest("there is no text in the message to edit");
    }
    FormattedText.Parsed text = MessageTexts.text(params);
    Keyboard keyboard = inlineKeyboardOf(params);
    if (current.text().equals(text.text()) && current.entities().equals(text.entities())
        && sameKeyboard(current.keyboard(), keyboard)) {
      throw ApiRefusal.badRequest(NOT_MODIFIED);
    }
    return saveEdit(current.edited(text.text(), null, params.text("parse_mode").orElse(null), text.entities(),
        keyboardAfterEdit(current, keyboard), state.nowEpochSeconds()));
  }

  private ApiResponse editMessageCaption(ApiParams params) {
    ChatMessage current = editableMessage(params);
    if (current.media() == null) {
      throw ApiRefusal.badRequest("there is no caption in the message to edit");
    }
    Optional<FormattedText.Parsed> caption = MessageTexts.caption(params);
    String newCaption = caption.map(FormattedText.Parsed::text).orElse(null);
    List<TextEntity> entities = caption.map(FormattedText.Parsed::entities).orElse(List.of());
    Keyboard keyboard = inlineKeyboardOf(params);
    if (Objects.equals(current.caption(), newCaption) && current.entities().equals(entities)
        && sameKeyboard(current.keyboard(), keyboard)) {
      throw ApiRefusal.badRequest(NOT_MODIFIED);
    }
    return saveEdit(current.edited(null, newCaption, params.text("parse_mode").orElse(null), entities,
        keyboardAfterEdit(current, keyboard), state.nowEpochSeconds()));
  }

  private ApiResponse editMessageReplyMarkup(ApiParams params) {
    ChatMessage current = editableMessage(params);
    Keyboard keyboard = inlineKeyboardOf(params);
    if (sameKeyboard(current.keyboard(), keyboard)) {
      throw ApiRefusal.badRequest(NOT_MODIFIED);
    }
    return saveEdit(current.edited(current.text(), current.caption(), current.parseMode(), current.entities(),
        keyboardAfterEdit(current, keyboard), state.nowEpochSeconds()));
  }

  private ApiResponse saveEdit(ChatMessage edited) {
    state.conversations.replace(edited);
    EmulatedUser user = state.conversations.user(edited.chatId()).orElseThrow();
    return ApiResponse.ok(state.render.message(edited, user));
  }

  private ChatMessage editableMessage(ApiParams params) {
    if (params.has("inline_message_id")) {
      throw ApiRefusal.badRequest("MESSAGE_ID_INVALID");
    }
    long chatId = params.chatId();
    int messageId = params.messageId();
    state.conversations.requireReachable(chatId);
    ChatMessage current = state.conversations.find(chatId, messageId)
        .filter(message -> !message.deleted())
        .orElseThrow(() -> ApiRefusal.badRequest("message to edit not found"));
    if (!current.fromBot() || current.invoice() != null) {
      throw ApiRefusal.badRequest("message can't be edited");
    }
    return current;
  }

  private static Keyboard inlineKeyboardOf(ApiParams params) {
    Keyboard keyboard = KeyboardParser.parse(params).orElse(null);
    if (keyboard != null && keyboard.kind() != Keyboard.Kind.INLINE) {
      throw ApiRefusal.badRequest("inline keyboard expected");
    }
    return keyboard;
  }

  /**
   * An edit replaces the inline keyboard (none given: none left), but a reply keyboard lives in the user's client
   * and no edit touches it.
   */
  private static Keyboard keyboardAfterEdit(ChatMessage current, Keyboard requested) {
    if (requested == null && current.keyboard() != null && current.keyboard().kind() == Keyboard.Kind.REPLY) {
      return current.keyboard();
    }
    return requested;
  }

  private static boolean sameKeyboard(Keyboard current, Keyboard next) {
    List<List<Keyboard.Button>> currentRows = current == null || current.kind() != Keyboard.Kind.INLINE
        ? List.of() : current.rows();
    List<List<Keyboard.Button>> nextRows = next == null ? List.of() : next.rows();
    return currentRows.equals(nextRows);
  }

  private ApiResponse deleteMessage(ApiParams params) {
    long chatId = params.chatId();
    int messageId = params.messageId();
    ChatMessage current = state.conversations.find(chatId, messageId)
        .filter(message -> !message.deleted())
        .orElseThrow(() -> ApiRefusal.badRequest("message to delete not found"));
    state.conversations.replace(current.markedDeleted());
    return ApiResponse.ok(true);
  }

  private ApiResponse sendChatAction(ApiParams params) {
    long chatId = params.chatId();
    String action = params.text("action").orElse("");
    if (!CHAT_ACTIONS.contains(action)) {
      throw ApiRefusal.badRequest("wrong parameter action in request");
    }
    state.conversations.requireReachable(chatId);
    return ApiResponse.ok(true);
  }

  private ApiResponse answerCallbackQuery(ApiParams params) {
    String queryId = params.requiredText("callback_query_id", "query is too old and response timeout expired or"
        + " query ID is invalid");
    String text = params.text("text").orElse(null);
    if (text != null && text.length() > MAX_CALLBACK_ANSWER_LENGTH) {
      throw ApiRefusal.badRequest("MESSAGE_TOO_LONG");
    }
    state.callbacks.answer(queryId, text, params.flag("show_alert"));
    return ApiResponse.ok(true);
  }

  private ApiResponse setMyCommands(ApiParams params) {
    JsonNode commands = params.json("commands", "can't parse commands JSON object")
        .orElseThrow(() -> ApiRefusal.badRequest("parameter \"commands\" is required"));
    if (!commands.isArray() || commands.size() > 100) {
      throw ApiRefusal.badRequest("can't parse commands JSON object");
    }
    List<BotCommand> parsed = new ArrayList<>();
    for (JsonNode node : commands) {
      String command = node.path("command").asText("");
      String description = node.path("description").asText("");
      if (!command.matches("[a-z0-9_]{1,32}")) {
        throw ApiRefusal.badRequest("BOT_COMMAND_INVALID");
      }
      if (description.isBlank() || description.length() > 256) {
        throw ApiRefusal.badRequest("command description must be non-empty");
      }
      parsed.add(new BotCommand(command, description));
    }
    state.setCommands(params.text("language_code").orElse(""), parsed);
    return ApiResponse.ok(true);
  }

  private ApiResponse getMyCommands(ApiParams params) {
    ArrayNode result = state.json.createArrayNode();
    for (BotCommand command : state.commands(params.text("language_code").orElse(""))) {
      result.addObject().put("command", command.command()).put("description", command.description());
    }
    return ApiResponse.ok(result);
  }

  private ApiResponse deleteMyCommands(ApiParams params) {
    state.setCommands(params.text("language_code").orElse(""), List.of());
    return ApiResponse.ok(true);
  }
}
