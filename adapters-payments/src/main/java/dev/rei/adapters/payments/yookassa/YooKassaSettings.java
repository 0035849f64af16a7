package dev.rei.adapters.payments.yookassa;

import dev.rei.adapters.payments.RailUrls;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.webhook.IpAllowList;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach YooKassa and check its webhooks. Environment (read by bootstrap): {@code
 * YOOKASSA_SHOP_ID}, {@code YOOKASSA_SECRET_KEY}, {@code YOOKASSA_BASE_URL} (default {@value
 * #DEFAULT_BASE_URL}), {@code YOOKASSA_WEBHOOK_SECRET} (the last path segment of the notification
 * URL {@code https://<host>/webhooks/yookassa/<secret>} set in the YooKassa dashboard; at least 16
 * characters), {@code YOOKASSA_ALLOWED_IPS} (comma-separated addresses or CIDR blocks; default
 * {@link #PUBLISHED_IPS}), {@code YOOKASSA_RETURN_URL} (where YooKassa sends the payer back, e.g.
 * {@code https://t.me/<bot>}), the optional receipt settings of {@link YooKassaReceipt}, {@code
 * YOOKASSA_CONNECT_TIMEOUT_SECONDS} (default 5) and {@code YOOKASSA_CALL_TIMEOUT_SECONDS} (default
 * 40: YooKassa itself gives up after 30 s and answers 500).
 */
public record YooKassaSettings(
    String shopId,
    Secret secretKey,
    String baseUrl,
    Secret webhookSecret,
    IpAllowList allowedIps,
    String returnUrl,
    Optional<YooKassaReceipt> receipt,
    Duration connectTimeout,
    Duration callTimeout) {

  public static final String DEFAULT_BASE_URL = "https://api.yookassa.ru/";
  /** The addresses YooKassa publishes for its notifications (yookassa.ru/developers/using-api/webhooks). */
  public static final String PUBLISHED_IPS =
      "185.71.76.0/27, 185.71.77.0/27, 77.75.153.0/25, 77.75.156.11, 77.75.156.35, 77.75.154.128/25, 2a02:5180::/32";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(40);

  private static final Pattern SHOP_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

  public YooKassaSettings {
    Objects.requireNonNull(shopId, "shopId");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(allowedIps, "allowedIps");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    shopId = shopId.strip();
    if (!SHOP_ID.matcher(shopId).matches()) {
      throw new IllegalArgumentException("YOOKASSA_SHOP_ID must be the shop's id (digits), was " + shopId);
    }
    if (webhookSecret.reveal().length() < 16 || !webhookSecret.reveal().matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("YOOKASSA_WEBHOOK_SECRET must be at least 16 letters, digits, '-' or '_' "
          + "(it is a URL path segment)");
    }
    baseUrl = RailUrls.requireBaseUrl(baseUrl, "YOOKASSA_BASE_URL");
    returnUrl = RailUrls.requireHttpUrl(returnUrl, "YOOKASSA_RETURN_URL");
    requireTimeout(connectTimeout, "YOOKASSA_CONNECT_TIMEOUT_SECONDS");
    requireTimeout(callTimeout, "YOOKASSA_CALL_TIMEOUT_SECONDS");
  }

  /** The defaults: production URL, published IPs, no receipt, default timeouts. */
  public static YooKassaSettings of(String shopId, Secret secretKey, Secret webhookSecret, String returnUrl) {
    return new YooKassaSettings(shopId, secretKey, DEFAULT_BASE_URL, webhookSecret, IpAllowList.parse(PUBLISHED_IPS),
        returnUrl, Optional.empty(), DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT);
  }

  public YooKassaSettings withBaseUrl(String url) {
    return new YooKassaSettings(shopId, secretKey, url, webhookSecret, allowedIps, returnUrl, receipt, connectTimeout,
        callTimeout);
  }

  public YooKassaSettings withAllowedIps(IpAllowList ips) {
    return new YooKassaSettings(shopId, secretKey, baseUrl, webhookSecret, ips, returnUrl, receipt, connectTimeout,
        callTimeout);
  }

  public YooKassaSettings withReceipt(YooKassaReceipt value) {
    return new YooKassaSettings(shopId, secretKey, baseUrl, webhookSecret, allowedIps, returnUrl, Optional.of(value),
        connectTimeout, callTimeout);
  }

  private static void requireTimeout(Duration timeout, String name) {
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(name + " must be positive and at most 5 minutes, was " + timeout);
    }
  }
}
