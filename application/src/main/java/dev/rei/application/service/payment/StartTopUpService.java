package dev.rei.application.service.payment;

import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.StartTopUpUseCase;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.pricing.TopUpCatalog;
import dev.rei.domain.pricing.TopUpOffer;
import dev.rei.domain.pricing.TopUpResult;
import dev.rei.domain.user.User;
import java.util.Optional;

/**
 * Starts top-ups: records the pending payment first, then asks the rail (no transaction open),
 * then binds the rail's id; a rail that does not answer leaves a canceled payment, never money
 * taken without a record.
 */
public final class StartTopUpService implements StartTopUpUseCase {

  private final UnitOfWork unitOfWork;
  private final UserStore users;
  private final PaymentStore payments;
  private final PaymentGateways gateways;
  private final TopUpCatalog catalog;
  private final Clock clock;
  private final IdGenerator ids;

  public StartTopUpService(UnitOfWork unitOfWork, UserStore users, PaymentStore payments, PaymentGateways gateways,
      TopUpCatalog catalog, Clock clock, IdGenerator ids) {
    this.unitOfWork = unitOfWork;
    this.users = users;
    this.payments = payments;
    this.gateways = gateways;
    this.catalog = catalog;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public TopUpStart startTopUp(StartTopUpCommand command) {
    Optional<PaymentGateway> gateway = gateways.of(command.rail());
    if (gateway.isEmpty()) {
      return refused(TopUpStart.Reason.RAIL_NOT_OFFERED);
    }
    TopUpResult offer = command.choice() instanceof StartTopUpCommand.Choice.Package chosen
        ? catalog.offerPackage(command.rail(), chosen.code())
        : catalog.offerCustom(command.rail(), ((StartTopUpCommand.Choice.Custom) command.choice()).credits());
    if (offer instanceof TopUpResult.Refused refused) {
      return refused(switch (refused.reason()) {
        case UNKNOWN_PACKAGE -> TopUpStart.Reason.UNKNOWN_PACKAGE;
        case CUSTOM_AMOUNT_NOT_OFFERED -> TopUpStart.Reason.CUSTOM_AMOUNT_NOT_OFFERED;
        case BELOW_MINIMUM -> TopUpStart.Reason.BELOW_MINIMUM;
        case ABOVE_MAXIMUM -> TopUpStart.Reason.ABOVE_MAXIMUM;
      });
    }
    TopUpOffer accepted = ((TopUpResult.Offered) offer).offer();

    Optional<User> user = users.find(command.user());
    if (user.isEmpty()) {
      return refused(TopUpStart.Reason.UNKNOWN_USER);
    }
    if (user.get().isBanned()) {
      return refused(TopUpStart.Reason.BANNED);
    }
    Payment pending = Payment.start(PaymentId.of(ids.newId()), command.rail(), command.user(), accepted.price(),
        accepted.grant(), clock.now());
    unitOfWork.inTransaction(() -> payments.insert(pending));

    PaymentGateway.Checkout checkout;
    try {
      checkout = gateway.get().create(pending);
    } catch (PaymentGateway.GatewayUnavailableException e) {
      unitOfWork.inTransaction(() -> payments.lock(pending.id())
          .filter(p -> p.status() == PaymentStatus.PENDING)
          .ifPresent(p -> payments.update(p.cancel(clock.now()))));
      return refused(TopUpStart.Reason.RAIL_UNAVAILABLE);
    }
    Payment bound = unitOfWork.inTransaction(() -> {
      Payment current = payments.lock(pending.id()).orElseThrow();
      if (checkout.providerPaymentId().isEmpty() || current.status() != PaymentStatus.PENDING) {
        return current;
      }
      Payment withId = current.boundTo(checkout.providerPaymentId().get(), clock.now());
      payments.update(withId);
      return withId;
    });
    return new TopUpStart.Started(bound, checkout);
  }

  private static TopUpStart refused(TopUpStart.Reason reason) {
    return new TopUpStart.Refused(reason);
  }
}
