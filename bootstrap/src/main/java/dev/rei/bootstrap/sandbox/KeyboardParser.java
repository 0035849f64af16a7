package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a reply_markup parameter and checks it as Telegram does: callback data of 1–64 bytes, a label on every
 * button, an action on every inline button.
 */
final class KeyboardParser {

  static final int MAX_CALLBACK_DATA_BYTES = 64;
  private static final Set<String> INLINE_ACTIONS = Set.of("callback_data", "url", "web_app", "login_url",
      "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
      "callback_game", "pay");

  private KeyboardParser() {
  }

  /** The keyboard of the call; empty when there is none or the markup removes the keyboard or forces a reply. */
  static Optional<Keyboard> parse(ApiParams params) {
    Optional<JsonNode> markup = params.json("reply_markup", "can't parse reply keyboard markup JSON object");
    if (markup.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = markup.get();
    if (!node.isObject()) {
      throw ApiRefusal.badRequest("can't parse reply keyboard markup JSON object");
    }
    if (node.has("inline_keyboard")) {
      return Optional.of(new Keyboard(Keyboard.Kind.INLINE, inlineRows(node.get("inline_keyboard")), node.toString()));
    }
    if (node.has("keyboard")) {
      return Optional.of(new Keyboard(Keyboard.Kind.REPLY, replyRows(node.get("keyboard")), node.toString()));
    }
    if (node.has("remove_keyboard") || node.has("force_reply")) {
      return Optional.empty();
    }
    throw ApiRefusal.badRequest("can't parse reply keyboard markup JSON object");
  }

  private static List<List<Keyboard.Button>> inlineRows(JsonNode rows) {
    if (!rows.isArray()) {
      throw ApiRefusal.badRequest("can't parse inline keyboard button: field \"inline_keyboard\" must be an Array");
    }
    List<List<Keyboard.Button>> result = new ArrayList<>();
    for (JsonNode row : rows) {
      if (!row.isArray()) {
        throw ApiRefusal.badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Array");
      }
      List<Keyboard.Button> buttons = new ArrayList<>();
      for (JsonNode button : row) {
        buttons.add(inlineButton(button));
      }
      result.add(buttons);
    }
    return result;
  }

  private static Keyboard.Button inlineButton(JsonNode button) {
    if (!button.isObject()) {
      throw ApiRefusal.badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
    }
    String text = button.path("text").asText("");
    if (text.isEmpty()) {
      throw ApiRefusal.badRequest("can't parse inline keyboard button: Text must be non-empty");
    }
    String action = actionOf(button)
        .orElseThrow(() -> ApiRefusal.badRequest(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"));
    String callbackData = null;
    String url = null;
    if (action.equals("callback_data")) {
      callbackData = button.get("callback_data").asText();
      int bytes = callbackData.getBytes(StandardCharsets.UTF_8).length;
      if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
        throw ApiRefusal.badRequest("BUTTON_DATA_INVALID");
      }
    } else if (action.equals("url")) {
      url = button.get("url").asText();
      if (!url.matches("(?i)(https?|tg)://\\S+")) {
        throw ApiRefusal.badRequest("inline keyboard button URL '" + url + "' is invalid: Unsupported URL protocol");
      }
    }
    return new Keyboard.Button(text, callbackData, url, action);
  }

  private static Optional<String> actionOf(JsonNode button) {
    Iterator<String> fields = button.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (INLINE_ACTIONS.contains(field) && !button.get(field).isNull()) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  private static List<List<Keyboard.Button>> replyRows(JsonNode rows) {
    if (!rows.isArray()) {
      throw ApiRefusal.badRequest("can't parse reply keyboard markup JSON object: field \"keyboard\" must be an Array");
    }
    List<List<Keyboard.Button>> result = new ArrayList<>();
    for (JsonNode row : rows) {
      if (!row.isArray()) {
        throw ApiRefusal.badRequest("can't parse keyboard button: KeyboardButton must be an Array");
      }
      List<Keyboard.Button> buttons = new ArrayList<>();
      for (JsonNode button : row) {
        String text = button.isTextual() ? button.asText() : button.path("text").asText("");
        if (text.isEmpty()) {
          throw ApiRefusal.badRequest("can't parse keyboard button: Text must be non-empty");
        }
        buttons.add(new Keyboard.Button(text, null, null, "text"));
      }
      result.add(buttons);
    }
    return result;
  }
}
