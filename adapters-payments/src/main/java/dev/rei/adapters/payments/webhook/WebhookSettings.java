package dev.rei.adapters.payments.webhook;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where webhook handlers find the real client address. Environment (read by bootstrap): {@code
 * TRUSTED_PROXIES} (comma-separated addresses or CIDR blocks of our own reverse proxies; default
 * none) and {@code CLIENT_IP_HEADER} (the header those proxies put the client address in, e.g.
 * {@code X-Forwarded-For} or {@code X-Real-IP}; default none). Without both, the TCP peer is the
 * client: a header anyone can send is never believed.
 */
public record WebhookSettings(IpAllowList trustedProxies, Optional<String> clientIpHeader) {

  /** No proxy: the TCP peer is the client. */
  public static final WebhookSettings DIRECT = new WebhookSettings(new IpAllowList(java.util.List.of()),
      Optional.empty());

  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

  public WebhookSettings {
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    Objects.requireNonNull(clientIpHeader, "clientIpHeader");
    clientIpHeader = clientIpHeader.map(String::strip).filter(name -> !name.isEmpty());
    if (clientIpHeader.isPresent() && !HEADER_NAME.matcher(clientIpHeader.get()).matches()) {
      throw new IllegalArgumentException("CLIENT_IP_HEADER must be a header name such as X-Forwarded-For, was "
          + clientIpHeader.get());
    }
  }
}
