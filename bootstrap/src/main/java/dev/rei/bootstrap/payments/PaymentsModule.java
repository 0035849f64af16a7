package dev.rei.bootstrap.payments;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import dev.rei.adapters.payments.BreakingGateway;
import dev.rei.adapters.payments.webhook.IpAllowList;
import dev.rei.adapters.payments.webhook.WebhookSettings;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.bootstrap.config.PaymentSettings;
import dev.rei.bootstrap.http.HealthCheck;

/**
 * What every process has of payments, whichever rails are installed: the set of rails (possibly
 * empty), {@code /health/payments}, and how webhook callers are told apart behind a proxy.
 */
public final class PaymentsModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), PaymentGateway.class);
    Multibinder.newSetBinder(binder(), BreakingGateway.class);
    MapBinder.newMapBinder(binder(), String.class, HealthCheck.class).addBinding("payments")
        .to(PaymentsHealthCheck.class);
  }

  @Provides
  @Singleton
  PaymentsHealthCheck health(java.util.Set<BreakingGateway> rails) {
    return new PaymentsHealthCheck(rails);
  }

  @Provides
  @Singleton
  WebhookSettings webhooks(PaymentSettings payments) {
    return new WebhookSettings(IpAllowList.parse(payments.trustedProxies()), payments.clientIpHeader());
  }
}
