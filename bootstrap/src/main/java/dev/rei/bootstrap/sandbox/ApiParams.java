package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one Bot API call, whichever way they came: JSON values from a JSON body, strings from a query
 * string, a form or multipart fields, and the uploaded files of a multipart request. Reading a malformed value
 * refuses the call with a Bad Request, as Telegram does.
 */
final class ApiParams {

  private static final String ATTACH = "attach://";

  private final ObjectMapper json;
  private final Map<String, JsonNode> values;
  private final Map<String, Upload> uploads;

  ApiParams(ObjectMapper json, Map<String, JsonNode> values, Map<String, Upload> uploads) {
    this.json = json;
    this.values = new LinkedHashMap<>(values);
    this.uploads = new LinkedHashMap<>(uploads);
  }

  boolean has(String name) {
    JsonNode value = values.get(name);
    return value != null && !value.isNull() || uploads.containsKey(name);
  }

  Optional<String> text(String name) {
    JsonNode value = values.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(value.isValueNode() ? value.asText() : value.toString());
  }

  /** A text parameter that must be present and non-empty, else Bad Request with the given detail. */
  String requiredText(String name, String missingDetail) {
    return text(name).filter(value -> !value.isEmpty()).orElseThrow(() -> ApiRefusal.badRequest(missingDetail));
  }

  /** The chat of a private conversation: a numeric id; a channel username names no chat the emulator knows. */
  long chatId() {
    String raw = requiredText("chat_id", "chat_id is empty");
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException notANumber) {
      throw ApiRefusal.badRequest("chat not found");
    }
  }

  Optional<Long> longValue(String name) {
    Optional<String> raw = text(name).filter(value -> !value.isBlank());
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(raw.get().trim()));
    } catch (NumberFormatException notANumber) {
      throw ApiRefusal.badRequest("invalid " + name + " specified");
    }
  }

  Optional<Integer> intValue(String name) {
    Optional<Long> value = longValue(name);
    if (value.isPresent() && (value.get() > Integer.MAX_VALUE || value.get() < Integer.MIN_VALUE)) {
      throw ApiRefusal.badRequest("invalid " + name + " specified");
    }
    return value.map(Long::intValue);
  }

  int messageId() {
    return intValue("message_id").orElseThrow(() -> ApiRefusal.badRequest("message identifier is not specified"));
  }

  boolean flag(String name) {
    return text(name).map(value -> value.equalsIgnoreCase("true") || value.equals("1")).orElse(false);
  }

  /** A JSON-valued parameter; multipart and forms carry it as JSON text, a JSON body as a value. */
  Optional<JsonNode> json(String name, String unparsableDetail) {
    JsonNode value = values.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      return Optional.of(value);
    }
    if (value.asText().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readTree(value.asText()));
    } catch (JsonProcessingException malformed) {
      throw ApiRefusal.badRequest(unparsableDetail);
    }
  }

  /**
   * The file uploaded for a field: a part of that name with a file name, or the part an {@code attach://name}
   * value points at (TelegramBots uploads that way).
   */
  Optional<Upload> upload(String field) {
    Upload direct = uploads.get(field);
    if (direct != null) {
      return Optional.of(direct);
    }
    Optional<String> reference = text(field).filter(value -> value.startsWith(ATTACH));
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    Upload attached = uploads.get(reference.get().substring(ATTACH.length()));
    if (attached == null) {
      throw ApiRefusal.badRequest("wrong HTTP URL specified");
    }
    return Optional.of(attached);
  }

  /** The parameters as a JSON object for the call log: files as name and size, never as bytes. */
  ObjectNode forRecord() {
    ObjectNode record = json.createObjectNode();
    values.forEach((name, value) -> {
      if (!name.equals("method")) {
        record.set(name, value.deepCopy());
      }
    });
    uploads.forEach((name, upload) -> record.putObject(name)
        .put("file_name", upload.fileName())
        .put("size", upload.bytes().length));
    return record;
  }
}
