package dev.rei.adapters.payments.heleket;

import dev.rei.adapters.payments.RailUrls;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.webhook.IpAllowList;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach Heleket and check its webhooks. Environment (read by bootstrap): {@code
 * HELEKET_MERCHANT_ID} (the merchant UUID), {@code HELEKET_API_KEY} (the payment API key, not the
 * payout key), {@code HELEKET_BASE_URL} (default {@value #DEFAULT_BASE_URL}), {@code
 * HELEKET_CALLBACK_URL} (our {@code https://<host>/webhooks/heleket}, sent with each invoice),
 * {@code HELEKET_RETURN_URL} (where the payer goes back, e.g. {@code https://t.me/<bot>}), {@code
 * HELEKET_ALLOWED_IPS} (default {@value #PUBLISHED_IPS}), {@code HELEKET_INVOICE_LIFETIME_SECONDS}
 * (300..43200, default 3600), {@code HELEKET_CONNECT_TIMEOUT_SECONDS} (default 5) and {@code
 * HELEKET_CALL_TIMEOUT_SECONDS} (default 30).
 */
public record HeleketSettings(
    String merchantId,
    Secret apiKey,
    String baseUrl,
    String callbackUrl,
    String returnUrl,
    IpAllowList allowedIps,
    Duration invoiceLifetime,
    Duration connectTimeout,
    Duration callTimeout) {

  public static final String DEFAULT_BASE_URL = "https://api.heleket.com/";
  /** The address Heleket sends webhooks from (Heleket PHP SDK docs, "IP allowlisting"). */
  public static final String PUBLISHED_IPS = "31.133.220.8";
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern MERCHANT = Pattern.compile("[A-Za-z0-9-]{1,64}");

  public HeleketSettings {
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(allowedIps, "allowedIps");
    Objects.requireNonNull(invoiceLifetime, "invoiceLifetime");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    merchantId = merchantId.strip();
    if (!MERCHANT.matcher(merchantId).matches()) {
      throw new IllegalArgumentException("HELEKET_MERCHANT_ID must be the merchant UUID, was " + merchantId);
    }
    baseUrl = RailUrls.requireBaseUrl(baseUrl, "HELEKET_BASE_URL");
    callbackUrl = RailUrls.requireHttpUrl(callbackUrl, "HELEKET_CALLBACK_URL");
    returnUrl = RailUrls.requireHttpUrl(returnUrl, "HELEKET_RETURN_URL");
    if (invoiceLifetime.compareTo(Duration.ofMinutes(5)) < 0 || invoiceLifetime.compareTo(Duration.ofHours(12)) > 0) {
      throw new IllegalArgumentException("HELEKET_INVOICE_LIFETIME_SECONDS must be 300..43200, was "
          + invoiceLifetime.toSeconds());
    }
    for (Duration timeout : new Duration[] {connectTimeout, callTimeout}) {
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("Heleket timeouts must be positive and at most 5 minutes, was " + timeout);
      }
    }
  }

  /** The defaults: production URL, published IP, one-hour invoices, default timeouts. */
  public static HeleketSettings of(String merchantId, Secret apiKey, String callbackUrl, String returnUrl) {
    return new HeleketSettings(merchantId, apiKey, DEFAULT_BASE_URL, callbackUrl, returnUrl,
        IpAllowList.parse(PUBLISHED_IPS), DEFAULT_LIFETIME, DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT);
  }

  public HeleketSettings withBaseUrl(String url) {
    return new HeleketSettings(merchantId, apiKey, url, callbackUrl, returnUrl, allowedIps, invoiceLifetime,
        connectTimeout, callTimeout);
  }

  public HeleketSettings withCallbackUrl(String url) {
    return new HeleketSettings(merchantId, apiKey, baseUrl, url, returnUrl, allowedIps, invoiceLifetime,
        connectTimeout, callTimeout);
  }

  public HeleketSettings withAllowedIps(IpAllowList ips) {
    return new HeleketSettings(merchantId, apiKey, baseUrl, callbackUrl, returnUrl, ips, invoiceLifetime,
        connectTimeout, callTimeout);
  }
}
