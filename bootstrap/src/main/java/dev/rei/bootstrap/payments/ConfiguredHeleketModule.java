package dev.rei.bootstrap.payments;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.heleket.HeleketSettings;
import dev.rei.adapters.payments.webhook.IpAllowList;
import dev.rei.bootstrap.config.PaymentSettings;

/** Heleket as configured ({@code HELEKET_*}); installed only when it is. */
public final class ConfiguredHeleketModule extends AbstractModule {

  @Provides
  @Singleton
  HeleketSettings settings(PaymentSettings payments) {
    PaymentSettings.Heleket h = payments.heleket().orElseThrow();
    return new HeleketSettings(h.merchantId(), Secret.of(h.apiKey().reveal(), "HELEKET_API_KEY"), h.baseUrl() + "/",
        h.callbackUrl().toString(), h.returnUrl().toString(), IpAllowList.parse(h.allowedIps()),
        HeleketSettings.DEFAULT_LIFETIME, HeleketSettings.DEFAULT_CONNECT_TIMEOUT, HeleketSettings.DEFAULT_CALL_TIMEOUT);
  }
}
