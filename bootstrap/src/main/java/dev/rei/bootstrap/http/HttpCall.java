package dev.rei.bootstrap.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as a route sees it: method, path, query, headers (names in lower case), the body and
 * the caller's address. Webhook handlers are plain functions of this.
 */
public record HttpCall(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
    String remoteAddress) {

  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public boolean isRead() {
    return method.equals("GET") || method.equals("HEAD");
  }
}
