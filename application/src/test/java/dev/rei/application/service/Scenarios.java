package dev.rei.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.pricing.PricedItem;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.pricing.QuoteResult;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Map;

/** Steps the service tests share, each through the use cases of one {@link InMemoryCore}. */
final class Scenarios {

  static final PricedItem REELS = new PricedItem.ReelsVideo();
  static final JobParameters CAT = JobParameters.of(Map.of("prompt", "a cat"));

  private final InMemoryCore core;

  Scenarios(InMemoryCore core) {
    this.core = core;
  }

  void register(UserId user) {
    core.register.register(new RegisterUserCommand(user, Language.RU));
  }

  /** Credits bought, as a settled payment would post them. */
  Transfer topUp(UserId user, long credits) {
    TransferResult result = core.ledger.apply(new TransferRequest.Post(IdempotencyKey.of("test-top-up", core.ids.newId()),
        SystemAccount.SALES, AccountId.user(user), Credits.of(credits), TransferKind.TOP_UP,
        TransferMemo.of(ReferenceType.PAYMENT, "test")), TransferId.of(core.ids.newId()), core.clock.now());
    assertThat(result).isInstanceOf(TransferResult.Recorded.class);
    return ((TransferResult.Recorded) result).transfer();
  }

  Quote quote(UserId user, int count) {
    QuoteResult result = core.quotes.quote(new QuoteCommand(user, REELS, count)).result();
    return ((QuoteResult.Quoted) result).quote();
  }

  PlaceOrderResult order(UserId user, int count, String key) {
    return core.placeOrder.placeOrder(new PlaceOrderCommand(user, quote(user, count), CAT, IdempotencyKey.of(key)));
  }

  List<Job> placed(UserId user, int count, String key) {
    PlaceOrderResult result = order(user, count, key);
    assertThat(result).isInstanceOf(PlaceOrderResult.Placed.class);
    return ((PlaceOrderResult.Placed) result).jobs();
  }

  Job job(Job placed) {
    return core.jobs.find(placed.id()).orElseThrow();
  }

  List<OutboxMessage> messagesTo(UserId user) {
    return core.outbox.all().stream().filter(m -> m.chatId() == user.value()).toList();
  }

  List<Notice.Type> noticesTo(UserId user) {
    return messagesTo(user).stream().map(m -> m.notice().type()).toList();
  }

  /** The ledger's transfers of one type that resolve or are {@code job}'s hold. */
  List<Transfer> transfersOf(Job job, TransferType type) {
    return core.ledger.transfers().stream()
        .filter(t -> t.type() == type)
        .filter(t -> t.id().equals(job.holdId()) || t.pendingId().equals(java.util.Optional.of(job.holdId())))
        .toList();
  }
}
