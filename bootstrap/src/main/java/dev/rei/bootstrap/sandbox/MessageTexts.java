package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the text or caption of a call with its formatting, and applies Telegram's length limits to it. */
final class MessageTexts {

  static final int MAX_TEXT_LENGTH = 4096;
  static final int MAX_CAPTION_LENGTH = 1024;

  private MessageTexts() {
  }

  /** The text of sendMessage or editMessageText: 1–4096 characters after entity parsing. */
  static FormattedText.Parsed text(ApiParams params) {
    String raw = params.text("text").orElse("");
    if (raw.isEmpty()) {
      throw ApiRefusal.badRequest("message text is empty");
    }
    FormattedText.Parsed parsed = formatted(params, raw, "entities");
    if (parsed.text().isBlank()) {
      throw ApiRefusal.badRequest("message text is empty");
    }
    if (parsed.text().length() > MAX_TEXT_LENGTH) {
      throw ApiRefusal.badRequest("message is too long");
    }
    return parsed;
  }

  /** The caption of a media message, 0–1024 characters after entity parsing, or empty without one. */
  static Optional<FormattedText.Parsed> caption(ApiParams params) {
    Optional<String> raw = params.text("caption").filter(caption -> !caption.isEmpty());
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    FormattedText.Parsed parsed = formatted(params, raw.get(), "caption_entities");
    if (parsed.text().length() > MAX_CAPTION_LENGTH) {
      throw ApiRefusal.badRequest("message caption is too long");
    }
    return Optional.of(parsed);
  }

  private static FormattedText.Parsed formatted(ApiParams params, String raw, String entitiesField) {
    Optional<JsonNode> explicit = params.json(entitiesField, "can't parse entities JSON object");
    if (explicit.isPresent() && explicit.get().isArray() && !explicit.get().isEmpty()) {
      // Explicit entities win over parse_mode, as on Telegram.
      return new FormattedText.Parsed(raw, explicitEntities(explicit.get(), raw.length()));
    }
    return FormattedText.parse(raw, params.text("parse_mode").orElse(null));
  }

  private static List<TextEntity> explicitEntities(JsonNode array, int textLength) {
    List<TextEntity> entities = new ArrayList<>();
    for (JsonNode node : array) {
      String type = node.path("type").asText("");
      int offset = node.path("offset").asInt(-1);
      int length = node.path("length").asInt(0);
      if (type.isEmpty() || offset < 0 || length <= 0 || offset + length > textLength) {
        throw ApiRefusal.badRequest("can't parse entities: entity " + node + " is outside the text");
      }
      entities.add(new TextEntity(type, offset, length, textOrNull(node, "url"), textOrNull(node, "language")));
    }
    return entities;
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
