package dev.rei.adapters.payments;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** The core over in-memory fakes with one registered user, and the few steps the payment adapter tests share. */
public final class TestCore {

  public static final UserId ALICE = UserId.of(1001);
  /** InMemoryCore's welcome bonus. */
  public static final long WELCOME = 2;

  public final InMemoryCore core = new InMemoryCore();

  public TestCore() {
    core.register.register(new RegisterUserCommand(ALICE, Language.RU));
  }

  /** A pending payment of ALICE's, stored, bound to {@code railId} when given. */
  public Payment pending(Rail rail, Money amount, long credits, Optional<ProviderPaymentId> railId) {
    Payment started = Payment.start(PaymentId.of(core.ids.newId()), rail, ALICE, amount,
        new CreditGrant(Credits.of(credits), Credits.ZERO), core.clock.now());
    Payment bound = railId.map(id -> started.boundTo(id, core.clock.now())).orElse(started);
    core.db.inTransaction(() -> core.payments.insert(bound));
    return bound;
  }

  public Payment current(Payment payment) {
    return core.payments.find(payment.id()).orElseThrow();
  }

  public long available() {
    return core.ledger.balanceOf(ALICE).available().value();
  }

  public List<OutboxMessage> adminAlerts() {
    return core.outbox.all().stream().filter(m -> m.notice().type() == Notice.Type.ADMIN_ALERT).toList();
  }

  public static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
