package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An answer of the emulator in the Bot API's envelope, with the HTTP status Telegram uses for it. */
record ApiResponse(int httpStatus, ObjectNode body) {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static ApiResponse ok(JsonNode result) {
    ObjectNode body = JSON.objectNode();
    body.put("ok", true);
    body.set("result", result);
    return new ApiResponse(200, body);
  }

  static ApiResponse ok(boolean result) {
    return ok(JSON.booleanNode(result));
  }

  static ApiResponse error(int errorCode, String description) {
    ObjectNode body = JSON.objectNode();
    body.put("ok", false);
    body.put("error_code", errorCode);
    body.put("description", description);
    return new ApiResponse(errorCode, body);
  }

  static ApiResponse badRequest(String detail) {
    return error(400, "Bad Request: " + detail);
  }

  static ApiResponse tooManyRequests(long retryAfterSeconds) {
    ApiResponse response = error(429, "Too Many Requests: retry after " + retryAfterSeconds);
    response.body().putObject("parameters").put("retry_after", retryAfterSeconds);
    return response;
  }
}
