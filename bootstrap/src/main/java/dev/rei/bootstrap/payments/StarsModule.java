package dev.rei.bootstrap.payments;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.name.Named;
import dev.rei.adapters.payments.BreakingGateway;
import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.inbox.PreCheckoutHandler;
import dev.rei.adapters.telegram.payment.StarsGateway;
import dev.rei.adapters.telegram.payment.StarsPreCheckout;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.bootstrap.config.PaymentSettings;

/**
 * Telegram Stars: invoices through the bot's own connection, behind a circuit breaker like the
 * other rails, and the pre-checkout answer on the bot's fast path. Needs the Telegram module.
 */
public final class StarsModule extends AbstractModule {

  private static final String NAME = "stars";

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), PreCheckoutHandler.class).setBinding().to(StarsPreCheckout.class);
  }

  @Provides
  @Singleton
  StarsPreCheckout preCheckout(UnitOfWork unitOfWork, PaymentStore payments, UserStore users) {
    return new StarsPreCheckout(unitOfWork, payments, users);
  }

  @Provides
  @Singleton
  @Named(NAME)
  BreakingGateway gateway(TelegramConnection connection, UnitOfWork unitOfWork, UserStore users,
      PaymentSettings payments) {
    return new BreakingGateway(new StarsGateway(connection, unitOfWork, users), payments.breaker());
  }

  @ProvidesIntoSet
  PaymentGateway rail(@Named(NAME) BreakingGateway gateway) {
    return gateway;
  }

  @ProvidesIntoSet
  BreakingGateway health(@Named(NAME) BreakingGateway gateway) {
    return gateway;
  }
}
