package dev.rei.bootstrap.payments;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.multibindings.StringMapKey;
import com.google.inject.name.Named;
import dev.rei.adapters.payments.BreakingGateway;
import dev.rei.adapters.payments.webhook.WebhookSettings;
import dev.rei.adapters.payments.yookassa.YooKassaGateway;
import dev.rei.adapters.payments.yookassa.YooKassaSettings;
import dev.rei.adapters.payments.yookassa.YooKassaWebhook;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.bootstrap.config.PaymentSettings;
import dev.rei.bootstrap.http.HttpRoute;

/**
 * The YooKassa rail behind a circuit breaker, and its webhook at {@code /webhooks/yookassa/<secret>};
 * its {@link YooKassaSettings} come from the configuration or from the simulated rail.
 */
public final class YooKassaModule extends AbstractModule {

  static final String NAME = "yookassa";

  @Provides
  @Singleton
  @Named(NAME)
  BreakingGateway gateway(YooKassaSettings settings, PaymentSettings payments) {
    return new BreakingGateway(new YooKassaGateway(settings), payments.breaker());
  }

  @ProvidesIntoSet
  PaymentGateway rail(@Named(NAME) BreakingGateway gateway) {
    return gateway;
  }

  @ProvidesIntoSet
  BreakingGateway health(@Named(NAME) BreakingGateway gateway) {
    return gateway;
  }

  @ProvidesIntoMap
  @StringMapKey("/webhooks/yookassa/*")
  HttpRoute webhook(YooKassaSettings settings, WebhookSettings webhooks, @Named(NAME) BreakingGateway gateway,
      PaymentStore payments, SettlePaymentUseCase settle) {
    return new WebhookRoute(new YooKassaWebhook(settings, webhooks, gateway, payments, settle));
  }
}
