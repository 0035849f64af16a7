package dev.rei.adapters.payments.webhook;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request to a webhook, as bootstrap's server received it. {@code remoteAddress} is the TCP
 * peer: the handler itself decides, with {@link ClientAddress}, whether a proxy header may name the
 * real client. Header names are looked up case-insensitively. The body should be read at most
 * {@link #MAX_BODY_BYTES} + 1 bytes far: a handler refuses anything longer (413).
 */
public record WebhookRequest(String path, Map<String, List<String>> headers, byte[] body, InetAddress remoteAddress) {

  /** No notification of YooKassa or Heleket comes near this. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  public WebhookRequest {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      if (name != null && values != null) {
        byName.computeIfAbsent(name, ignored -> new ArrayList<>()).addAll(values);
      }
    });
    byName.replaceAll((name, values) -> List.copyOf(values.stream().filter(Objects::nonNull).toList()));
    headers = java.util.Collections.unmodifiableMap(byName);
  }

  /** Every value of the header {@code name}, in order; empty if it is absent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The header's first value. */
  public Optional<String> header(String name) {
    return headerValues(name).stream().findFirst();
  }
}
