package dev.rei.bootstrap.payments;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.rei.adapters.payments.Secret;
import dev.rei.adapters.payments.webhook.IpAllowList;
import dev.rei.adapters.payments.yookassa.YooKassaReceipt;
import dev.rei.adapters.payments.yookassa.YooKassaSettings;
import dev.rei.bootstrap.config.PaymentSettings;

/** YooKassa as configured ({@code YOOKASSA_*}); installed only when it is. */
public final class ConfiguredYooKassaModule extends AbstractModule {

  @Provides
  @Singleton
  YooKassaSettings settings(PaymentSettings payments) {
    PaymentSettings.YooKassa y = payments.yookassa().orElseThrow();
    return new YooKassaSettings(y.shopId(), Secret.of(y.secretKey().reveal(), "YOOKASSA_SECRET_KEY"),
        y.baseUrl() + "/", Secret.of(y.webhookSecret().reveal(), "YOOKASSA_WEBHOOK_SECRET"),
        IpAllowList.parse(y.allowedIps()), y.returnUrl().toString(),
        y.receiptEmail().map(email -> YooKassaReceipt.of(email, y.vatCode())),
        YooKassaSettings.DEFAULT_CONNECT_TIMEOUT, YooKassaSettings.DEFAULT_CALL_TIMEOUT);
  }
}
