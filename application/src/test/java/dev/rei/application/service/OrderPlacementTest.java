package dev.rei.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.order.OrderRefusal;
import dev.rei.application.port.in.order.PlaceOrderCommand;
import dev.rei.application.port.in.order.PlaceOrderResult;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.in.user.Registration;
import dev.rei.application.port.out.Notice;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.limits.OrderLimits;
import dev.rei.domain.pricing.Quote;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Placing orders: the paths CoreServicesTest leaves out. */
class OrderPlacementTest {

  private static final UserId ALICE = UserId.of(1001);

  private final InMemoryCore core = new InMemoryCore();
  private final Scenarios given = new Scenarios(core);

  @Test
  void givenSameKeyWithOtherParameters_placeOrder_isRefusedAndHoldsNothingMore() {
    given.register(ALICE);
    Quote quote = given.quote(ALICE, 1);
    given.order(ALICE, 1, "press-1");

    PlaceOrderResult other = core.placeOrder.placeOrder(new PlaceOrderCommand(ALICE, quote,
        JobParameters.of(Map.of("prompt", "a dog")), IdempotencyKey.of("press-1")));

    assertThat(other).isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.KEY_USED_FOR_ANOTHER_ORDER));
    assertThat(core.balance.balance(ALICE).held()).isEqualTo(Credits.of(1));
  }

  @Test
  void givenSameKeyWithAnotherCount_placeOrder_isRefused() {
    given.register(ALICE);
    given.order(ALICE, 1, "press-1");

    assertThat(given.order(ALICE, 2, "press-1"))
        .isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.KEY_USED_FOR_ANOTHER_ORDER));
  }

  @Test
  void givenReplayAfterTheQuoteExpired_placeOrder_stillReturnsTheFirstOrder() {
    given.register(ALICE);
    Quote quote = given.quote(ALICE, 1);
    PlaceOrderCommand press = new PlaceOrderCommand(ALICE, quote, Scenarios.CAT, IdempotencyKey.of("press-1"));
    PlaceOrderResult first = core.placeOrder.placeOrder(press);
    core.clock.set(quote.validUntil().plusSeconds(1));

    PlaceOrderResult again = core.placeOrder.placeOrder(press);

    assertThat(again).isEqualTo(new PlaceOrderResult.Placed(((PlaceOrderResult.Placed) first).order(),
        ((PlaceOrderResult.Placed) first).jobs(), true));
  }

  @Test
  void givenTooFewCreditsForTheThirdItem_placeOrder_leavesNoTraceAtAll() {
    given.register(ALICE);
    int transfersBefore = core.ledger.transfers().size();
    int messagesBefore = core.outbox.all().size();

    assertThat(given.order(ALICE, 3, "press-1"))
        .isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.INSUFFICIENT_FUNDS));

    assertThat(core.ledger.transfers()).hasSize(transfersBefore);
    assertThat(core.outbox.all()).hasSize(messagesBefore);
    assertThat(core.jobs.countByState()).isEmpty();
    assertThat(core.orders.findByKey(IdempotencyKey.of("press-1"))).isEmpty();
    assertThat(core.workSignal.signals()).isZero();
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenRefusedKey_placeOrder_canUseItOnceTheUserHasCredits() {
    given.register(ALICE);
    given.order(ALICE, 3, "press-1");
    given.topUp(ALICE, 1);

    assertThat(given.order(ALICE, 3, "press-1")).isInstanceOf(PlaceOrderResult.Placed.class);
    assertThat(core.balance.balance(ALICE).available()).isEqualTo(Credits.ZERO);
  }

  @Test
  void givenPlacedOrder_itsJobs_areQueuedWithTheQuotedPriceAndATellingMessage() {
    given.register(ALICE);
    given.topUp(ALICE, 10);

    PlaceOrderResult.Placed placed = (PlaceOrderResult.Placed) given.order(ALICE, 5, "press-1");

    assertThat(placed.order().count()).isEqualTo(5);
    assertThat(placed.order().jobIds()).containsExactlyElementsOf(placed.jobs().stream().map(j -> j.id()).toList());
    assertThat(placed.jobs()).allSatisfy(job -> {
      assertThat(job.state()).isEqualTo(JobState.QUEUED);
      assertThat(job.price()).isEqualTo(Credits.of(1));
      assertThat(job.parameters()).isEqualTo(Scenarios.CAT);
      assertThat(job.deadline()).isEqualTo(core.clock.now().plus(core.timings.deadline()));
      assertThat(core.ledger.hold(job.holdId()).orElseThrow().pending().expiresAt())
          .contains(job.deadline().plus(core.timings.holdMargin()));
    });
    Notice placedNotice = given.messagesTo(ALICE).get(1).notice();
    assertThat(placedNotice.type()).isEqualTo(Notice.Type.ORDER_PLACED);
    assertThat(placedNotice.values()).containsEntry("count", "5").containsEntry("total", "5")
        .containsEntry("kind", "REELS_VIDEO")
        .containsEntry("jobIds", String.join(",", placed.jobs().stream().map(job -> job.id().toString()).toList()));
    assertThat(core.jobs.activeOrders(ALICE)).isEqualTo(1);
  }

  @Test
  void givenFinishedOrders_activeOrders_countOnlyOrdersWithLiveJobs() {
    given.register(ALICE);
    given.topUp(ALICE, 10);
    given.placed(ALICE, 1, "press-1");
    given.placed(ALICE, 1, "press-2");
    given.placed(ALICE, 1, "press-3");
    assertThat(given.order(ALICE, 1, "press-4"))
        .isEqualTo(new PlaceOrderResult.Refused(OrderRefusal.TOO_MANY_ACTIVE_ORDERS));

    core.runNext.runNext(new dev.rei.domain.job.WorkerId("w"));

    assertThat(given.order(ALICE, 1, "press-4")).isInstanceOf(PlaceOrderResult.Placed.class);
  }

  @Test
  void givenFiveHundredRacingPlacementsWithOneKey_placeOrder_placesOneOrderAndEveryCallerGetsIt() throws Exception {
    given.register(ALICE);
    given.topUp(ALICE, 100);
    Quote quote = given.quote(ALICE, 2);
    PlaceOrderCommand press = new PlaceOrderCommand(ALICE, quote, Scenarios.CAT, IdempotencyKey.of("press-1"));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PlaceOrderResult>> results = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return core.placeOrder.placeOrder(press);
      }));
    }
    start.countDown();
    List<PlaceOrderResult.Placed> placed = new ArrayList<>();
    for (Future<PlaceOrderResult> result : results) {
      placed.add((PlaceOrderResult.Placed) result.get());
    }
    pool.shutdown();

    assertThat(placed).extracting(PlaceOrderResult.Placed::order).containsOnly(placed.get(0).order());
    assertThat(placed).filteredOn(p -> !p.replayed()).hasSize(1);
    assertThat(core.balance.balance(ALICE).held()).isEqualTo(Credits.of(2));
    assertThat(core.jobs.countByState()).containsExactly(Map.entry(JobState.QUEUED, 2L));
    assertThat(core.audit()).isEmpty();
  }

  @Test
  void givenNoWelcomeBonus_register_greetsWithoutATransfer() {
    InMemoryCore stingy = new InMemoryCore(OrderLimits.DEFAULT, Credits.ZERO);

    Registration registration = stingy.register.register(new RegisterUserCommand(ALICE, Language.EN));

    assertThat(registration.isNew()).isTrue();
    assertThat(registration.balance()).isEqualTo(dev.rei.domain.ledger.UserBalance.ZERO);
    assertThat(stingy.ledger.transfers()).isEmpty();
    assertThat(stingy.outbox.all()).singleElement()
        .satisfies(m -> assertThat(m.notice()).isEqualTo(Notice.of(Notice.Type.WELCOME, Map.of("bonus", "0"))));
    assertThat(stingy.users.find(ALICE)).isPresent();
  }

  @Test
  void givenNewUser_register_postsTheBonusOnceUnderItsKey() {
    given.register(ALICE);
    given.register(ALICE);

    assertThat(core.ledger.transfers()).singleElement().satisfies(t -> {
      assertThat(t.key()).isEqualTo(IdempotencyKey.of("welcome", ALICE));
      assertThat(t.category()).isEqualTo(dev.rei.domain.ledger.HistoryCategory.BONUS);
      assertThat(t.amount()).isEqualTo(Credits.of(2));
    });
  }
}
