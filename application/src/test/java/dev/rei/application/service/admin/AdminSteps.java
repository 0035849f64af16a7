package dev.rei.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.application.service.payment.PaymentGateways;
import dev.rei.application.service.payment.RefundPaymentService;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.QuoteResult;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Map;

/**
 * The admin services of one {@link InMemoryCore} (those it does not wire itself) and the steps
 * the admin tests share.
 */
final class AdminSteps {

  static final UserId ADMIN = InMemoryCore.ADMIN;
  static final UserId ALICE = UserId.of(1001);
  static final long WELCOME = 2;

  final BanUserService ban;
  final UnbanUserService unban;
  final GetStatsService stats;
  final RefundPaymentService refund;

  private final InMemoryCore core;

  AdminSteps(InMemoryCore core) {
    this.core = core;
    ban = new BanUserService(core.db, core.users, core.auditLog, core.notifier, core.admins, core.clock);
    unban = new UnbanUserService(core.db, core.users, core.auditLog, core.notifier, core.admins, core.clock);
    stats = new GetStatsService(core.db, core.users, core.jobs, core.ledger, core.payments, core.outbox, core.admins,
        core.clock, core.providerHealth);
    refund = new RefundPaymentService(core.db, core.payments, core.ledger,
        new PaymentGateways(List.of(core.yookassa, core.stars)), core.auditLog, core.notifier, core.admins,
        core.clock, core.ids);
  }

  void register(UserId user) {
    core.register.register(new RegisterUserCommand(user, Language.RU));
  }

  User user(UserId id) {
    return core.users.find(id).orElseThrow();
  }

  long available(UserId user) {
    return core.balance.balance(user).available().value();
  }

  /** Credits bought, as a settled payment would post them. */
  void topUp(UserId user, long credits) {
    TransferResult result = core.ledger.apply(new TransferRequest.Post(IdempotencyKey.of("test-top-up", core.ids.newId()),
        SystemAccount.SALES, AccountId.user(user), Credits.of(credits), TransferKind.TOP_UP,
        TransferMemo.of(ReferenceType.PAYMENT, "test")), TransferId.of(core.ids.newId()), core.clock.now());
    assertThat(result).isInstanceOf(TransferResult.Recorded.class);
  }

  /** An order of {@code count} Reels videos (1 credit each), placed and not run. */
  PlaceOrderResult.Placed order(UserId user, int count, String key) {
    PlaceOrderResult result = tryOrder(user, count, key);
    assertThat(result).isInstanceOf(PlaceOrderResult.Placed.class);
    return (PlaceOrderResult.Placed) result;
  }

  PlaceOrderResult tryOrder(UserId user, int count, String key) {
    QuoteResult quote = core.quotes.quote(new QuoteCommand(user, new PricedItem.ReelsVideo(), count)).result();
    return core.placeOrder.placeOrder(new PlaceOrderCommand(user, ((QuoteResult.Quoted) quote).quote(),
        JobParameters.of(Map.of("prompt", "a cat")), IdempotencyKey.of(key)));
  }

  List<OutboxMessage> messagesTo(UserId user) {
    return core.outbox.all().stream().filter(m -> m.chatId() == user.value()).toList();
  }

  List<Notice.Type> noticesTo(UserId user) {
    return messagesTo(user).stream().map(m -> m.notice().type()).toList();
  }

  List<Notice> alerts() {
    return messagesTo(ADMIN).stream().map(OutboxMessage::notice)
        .filter(n -> n.type() == Notice.Type.ADMIN_ALERT).toList();
  }
}
