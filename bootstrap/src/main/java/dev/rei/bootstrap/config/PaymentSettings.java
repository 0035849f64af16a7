package dev.rei.bootstrap.config;

import dev.rei.adapters.payments.BreakerSettings;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The payment rails: YooKassa and Heleket when their credentials are set, Telegram Stars unless
 * turned off, and how webhook callers are identified behind a proxy. With {@code REI_SIMULATED=true}
 * the real gateways talk to fake rails started in the process instead. Every rail has a circuit
 * breaker with {@code breaker}'s settings.
 */
public record PaymentSettings(Optional<YooKassa> yookassa, Optional<Heleket> heleket, boolean stars,
    String trustedProxies, Optional<String> clientIpHeader, BreakerSettings breaker) {

  public PaymentSettings {
    Objects.requireNonNull(yookassa, "yookassa");
    Objects.requireNonNull(heleket, "heleket");
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    Objects.requireNonNull(clientIpHeader, "clientIpHeader");
    Objects.requireNonNull(breaker, "breaker");
  }

  /** YooKassa: shop, key, the secret last segment of the webhook path, who may call it, where the payer returns. */
  public record YooKassa(String shopId, Secret secretKey, URI baseUrl, Secret webhookSecret, String allowedIps,
      URI returnUrl, Optional<String> receiptEmail, int vatCode) {
    public YooKassa {
      Objects.requireNonNull(shopId, "shopId");
      Objects.requireNonNull(secretKey, "secretKey");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(webhookSecret, "webhookSecret");
      Objects.requireNonNull(allowedIps, "allowedIps");
      Objects.requireNonNull(returnUrl, "returnUrl");
      Objects.requireNonNull(receiptEmail, "receiptEmail");
    }
  }

  /** Heleket: merchant, payment API key, our webhook URL sent with each invoice, who may call it. */
  public record Heleket(String merchantId, Secret apiKey, URI baseUrl, URI callbackUrl, URI returnUrl,
      String allowedIps) {
    public Heleket {
      Objects.requireNonNull(merchantId, "merchantId");
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(callbackUrl, "callbackUrl");
      Objects.requireNonNull(returnUrl, "returnUrl");
      Objects.requireNonNull(allowedIps, "allowedIps");
    }
  }
}
