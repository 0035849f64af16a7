package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One Bot API call the bot made and what the emulator answered. Uploaded files appear in {@code params} as
 * {@code {"file_name":…, "size":…}}, never as bytes; the token is not recorded.
 *
 * @param at when the call was answered, by the emulator's clock
 * @param method the method in its documented spelling (such as {@code "sendMessage"}) whatever case the bot used;
 *     an unknown method as the bot spelled it
 * @param params the parameters, from a JSON body, a form or multipart parts (values of the last two are strings)
 * @param httpStatus the HTTP status of the answer
 * @param response the answer's body: {@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…}}
 */
public record RecordedCall(Instant at, String method, JsonNode params, int httpStatus, JsonNode response) {

  public RecordedCall {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(method, "method");
    params = params.deepCopy();
    response = response.deepCopy();
  }

  @Override
  public JsonNode params() {
    return params.deepCopy();
  }

  @Override
  public JsonNode response() {
    return response.deepCopy();
  }

  /** A parameter as text (a JSON value as its JSON text), or null when the call did not pass it. */
  public String param(String name) {
    JsonNode value = params.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** Whether the emulator answered ok. */
  public boolean ok() {
    return response.path("ok").asBoolean(false);
  }

  /** The error code of a refused call, 0 for a successful one. */
  public int errorCode() {
    return response.path("error_code").asInt(0);
  }

  /** The description of a refused call, null for a successful one. */
  public String description() {
    JsonNode description = response.get("description");
    return description == null ? null : description.asText();
  }

  /** The retry_after of a 429 answer, in seconds. */
  public OptionalInt retryAfterSeconds() {
    JsonNode retryAfter = response.path("parameters").get("retry_after");
    return retryAfter == null ? OptionalInt.empty() : OptionalInt.of(retryAfter.asInt());
  }

  /** The result of a successful call, or a missing node. */
  public JsonNode result() {
    return response.path("result").deepCopy();
  }
}
