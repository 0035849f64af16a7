package dev.rei.adapters.payments.webhook;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The address a webhook really came from. The TCP peer is the client unless it is one of our
 * trusted proxies and a client-address header is configured; then the header's list (such as
 * {@code X-Forwarded-For: client, proxy1, proxy2}) is walked from the right, past our own proxies,
 * to the first address we did not put there. The left-most entries are whatever the sender wrote
 * and are never believed. A garbled entry stops the walk at the last proxy, which no allow-list
 * of a rail contains.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static InetAddress resolve(InetAddress remote, Map<String, List<String>> headers,
      IpAllowList trustedProxies, Optional<String> headerName) {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    Objects.requireNonNull(headerName, "headerName");
    if (headerName.isEmpty() || !trustedProxies.allows(remote)) {
      return remote;
    }
    List<String> hops = hops(headers, headerName.get());
    InetAddress current = remote;
    for (int i = hops.size() - 1; i >= 0 && trustedProxies.allows(current); i--) {
      Optional<InetAddress> previous = IpLiteral.parse(stripPort(hops.get(i)));
      if (previous.isEmpty()) {
        return current;
      }
      current = previous.get();
    }
    return current;
  }

  public static InetAddress resolve(WebhookRequest request, WebhookSettings settings) {
    return resolve(request.remoteAddress(), request.headers(), settings.trustedProxies(), settings.clientIpHeader());
  }

  private static List<String> hops(Map<String, List<String>> headers, String name) {
    List<String> hops = new ArrayList<>();
    headers.forEach((header, values) -> {
      if (header != null && header.equalsIgnoreCase(name) && values != null) {
        for (String value : values) {
          if (value != null) {
            for (String hop : value.split(",")) {
              hops.add(hop.strip());
            }
          }
        }
      }
    });
    return hops;
  }

  /** {@code [2001:db8::1]:443} → {@code 2001:db8::1}; {@code 203.0.113.7:5000} → {@code 203.0.113.7}. */
  private static String stripPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end < 0 ? hop : hop.substring(1, end);
    }
    int colon = hop.indexOf(':');
    if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') >= 0) {
      return hop.substring(0, colon);
    }
    return hop;
  }
}
