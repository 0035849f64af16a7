package dev.rei.bootstrap.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What a route answers: status, content type and body. */
public record HttpReply(int status, String contentType, byte[] body) {

  public static final String JSON = "application/json; charset=utf-8";
  public static final String TEXT = "text/plain; charset=utf-8";

  public HttpReply {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
  }

  public static HttpReply json(int status, String json) {
    return new HttpReply(status, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpReply text(int status, String text) {
    return new HttpReply(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpReply methodNotAllowed() {
    return json(405, "{\"error\":\"method not allowed\"}");
  }
}
