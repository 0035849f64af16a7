package dev.rei.application.service.payment;

import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.StartTopUpUseCase;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.in.payment.TopUpStartRefusal;
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
 * Starts top-ups: records the pending payment first, then asks the rail with no transaction open,
 * then binds the rail's id; a rail that does not answer leaves a canceled payment, never a pay link
 * without a record behind it.
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
      return refused(TopUpStartRefusal.RAIL_NOT_OFFERED);
    }
    TopUpResult offer = offer(command);
    if (offer instanceof TopUpResult.Refused refused) {
      return refused(switch (refused.reason()) {
        case UNKNOWN_PACKAGE -> TopUpStartRefusal.UNKNOWN_PACKAGE;
        case CUSTOM_AMOUNT_NOT_OFFERED -> TopUpStartRefusal.CUSTOM_AMOUNT_NOT_OFFERED;
        case BELOW_MINIMUM -> TopUpStartRefusal.BELOW_MINIMUM;
        case ABOVE_MAXIMUM -> TopUpStartRefusal.ABOVE_MAXIMUM;
      });
    }
    TopUpOffer accepted = ((TopUpResult.Offered) offer).offer();

    Payment pending = Payment.start(PaymentId.of(ids.newId()), command.rail(), command.user(), accepted.price(),
        accepted.grant(), clock.now());
    Optional<TopUpStartRefusal> refusal = unitOfWork.inTransaction(() -> {
      Optional<User> user = users.find(command.user());
      if (user.isEmpty()) {
        return Optional.of(TopUpStartRefusal.UNKNOWN_USER);
      }
      if (user.get().isBanned()) {
        return Optional.of(TopUpStartRefusal.BANNED);
      }
      payments.insert(pending);
      return Optional.<TopUpStartRefusal>empty();
    });
    if (refusal.isPresent()) {
      return refused(refusal.get());
    }

    PaymentGateway.Checkout checkout;
    try {
      checkout = gateway.get().create(pending);
    } catch (PaymentGateway.GatewayUnavailableException e) {
      // The user got no pay link, so the payment is closed at once rather than left for the
      // reconciler to expire a day later. Should the rail have acted on it after all, a later
      // success is refused as PAID_AFTER_CANCEL, which alerts admins.
      unitOfWork.inTransaction(() -> payments.lock(pending.id())
          .filter(p -> p.status() == PaymentStatus.PENDING)
          .ifPresent(p -> payments.update(p.cancel(clock.now()))));
      return refused(TopUpStartRefusal.RAIL_UNAVAILABLE);
    }
    Payment bound = checkout.providerPaymentId().isEmpty() ? pending : unitOfWork.inTransaction(() -> {
      Payment current = payments.lock(pending.id()).orElseThrow();
      // A notification may have settled it already (which binds the same id); then there is nothing to bind.
      if (current.status() != PaymentStatus.PENDING) {
        return current;
      }
      Payment withId = current.boundTo(checkout.providerPaymentId().get(), clock.now());
      if (!withId.equals(current)) {
        payments.update(withId);
      }
      return withId;
    });
    return new TopUpStart.Started(bound, checkout);
  }

  private TopUpResult offer(StartTopUpCommand command) {
    if (command.choice() instanceof TopUpChoice.Package chosen) {
      return catalog.offerPackage(command.rail(), chosen.code());
    }
    return catalog.offerCustom(command.rail(), ((TopUpChoice.Custom) command.choice()).credits());
  }

  private static TopUpStart refused(TopUpStartRefusal reason) {
    return new TopUpStart.Refused(reason);
  }
}
