package dev.rei.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.account.HistoryPage;
import dev.rei.application.port.in.account.HistoryQuery;
import dev.rei.application.port.in.job.CancelJobCommand;
import dev.rei.application.port.in.order.QuoteCommand;
import dev.rei.application.port.in.order.QuoteOffer;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Job;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.pricing.QuoteRefusal;
import dev.rei.domain.pricing.QuoteResult;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Balance, history, transfer details and quotes: what a user may read about their own account. */
class AccountQueriesTest {

  private static final UserId ALICE = UserId.of(1001);
  private static final UserId BOB = UserId.of(1002);

  private final InMemoryCore core = new InMemoryCore();
  private final Scenarios given = new Scenarios(core);

  private HistoryPage history(UserId user, int days, Set<HistoryCategory> categories, int page, int pageSize) {
    return core.history.history(new HistoryQuery(user, days, categories, page, pageSize));
  }

  @Test
  void givenSixEntries_history_pagesThemNewestFirstAndSaysWhetherMoreFollow() {
    given.register(ALICE);
    for (int i = 0; i < 5; i++) {
      core.clock.advance(Duration.ofMinutes(1));
      given.topUp(ALICE, 1);
    }

    HistoryPage first = history(ALICE, 30, Set.of(), 0, 4);
    HistoryPage second = history(ALICE, 30, Set.of(), 1, 4);
    HistoryPage third = history(ALICE, 30, Set.of(), 2, 4);

    assertThat(first.entries()).hasSize(4).isSortedAccordingTo(Comparator.comparing(Transfer::createdAt).reversed());
    assertThat(first.hasMore()).isTrue();
    assertThat(second.entries()).hasSize(2);
    assertThat(second.page()).isEqualTo(1);
    assertThat(second.hasMore()).isFalse();
    assertThat(second.entries().get(1).category()).isEqualTo(HistoryCategory.BONUS);
    assertThat(third.entries()).isEmpty();
    assertThat(third.hasMore()).isFalse();
  }

  @Test
  void givenExactlyOnePageOfEntries_history_saysNoMoreFollow() {
    given.register(ALICE);
    given.topUp(ALICE, 1);

    HistoryPage page = history(ALICE, 30, Set.of(), 0, 2);

    // Both were recorded at the same instant: the later one comes first, as a database sequence orders them.
    assertThat(page.entries()).extracting(Transfer::category)
        .containsExactly(HistoryCategory.TOP_UP, HistoryCategory.BONUS);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void givenCategories_history_showsOnlyThose() {
    given.register(ALICE);
    given.topUp(ALICE, 5);
    Job job = given.placed(ALICE, 1, "press-1").get(0);
    core.cancel.cancel(new CancelJobCommand(job.id(), ALICE, CancelledBy.USER));

    List<Transfer> topUps = history(ALICE, 30, Set.of(HistoryCategory.TOP_UP), 0, 50).entries();
    List<Transfer> spending = history(ALICE, 30, EnumSet.of(HistoryCategory.SPEND, HistoryCategory.RETURN), 0, 50)
        .entries();
    List<Transfer> all = history(ALICE, 30, Set.of(), 0, 50).entries();

    assertThat(topUps).extracting(Transfer::category).containsExactly(HistoryCategory.TOP_UP);
    assertThat(spending).extracting(Transfer::type).containsExactlyInAnyOrder(TransferType.HOLD, TransferType.RELEASE);
    assertThat(spending).extracting(Transfer::category)
        .containsExactlyInAnyOrder(HistoryCategory.SPEND, HistoryCategory.RETURN);
    assertThat(all).hasSize(4);
  }

  @Test
  void givenOlderEntries_history_showsOnlyTheLastDaysAsked() {
    given.register(ALICE);
    core.clock.advance(Duration.ofDays(10));
    given.topUp(ALICE, 3);

    assertThat(history(ALICE, 7, Set.of(), 0, 50).entries()).extracting(Transfer::category)
        .containsExactly(HistoryCategory.TOP_UP);
    assertThat(history(ALICE, 30, Set.of(), 0, 50).entries()).hasSize(2);
  }

  @Test
  void givenAnotherUsersEntries_history_neverShowsThem() {
    given.register(ALICE);
    given.register(BOB);
    given.topUp(ALICE, 3);

    List<Transfer> bobs = history(BOB, 30, Set.of(), 0, 50).entries();

    assertThat(bobs).hasSize(1);
    assertThat(bobs.get(0).credit()).isEqualTo(AccountId.user(BOB));
  }

  @Test
  void givenUnknownUser_history_isEmpty() {
    assertThat(history(ALICE, 30, Set.of(), 0, 50)).isEqualTo(new HistoryPage(List.of(), 0, false));
  }

  @Test
  void givenOwnTransfer_transfer_showsIt_butNeverToAnotherUser() {
    given.register(ALICE);
    given.register(BOB);
    Transfer topUp = given.topUp(ALICE, 3);

    assertThat(core.transfer.transfer(ALICE, topUp.id())).contains(topUp);
    assertThat(core.transfer.transfer(BOB, topUp.id())).isEmpty();
    assertThat(core.transfer.transfer(ALICE, TransferId.of(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void givenHeldCredits_balance_showsPostedHeldAndAvailable() {
    given.register(ALICE);
    given.placed(ALICE, 1, "press-1");

    assertThat(core.balance.balance(ALICE)).isEqualTo(new UserBalance(Credits.of(2), Credits.of(1), Credits.of(1)));
    assertThat(core.balance.balance(BOB)).isEqualTo(UserBalance.ZERO);
  }

  @Test
  void givenItemAndCount_quote_pricesItWithTheBalanceNextToIt() {
    given.register(ALICE);

    QuoteOffer offer = core.quotes.quote(new QuoteCommand(ALICE, Scenarios.REELS, 3));

    QuoteResult.Quoted quoted = (QuoteResult.Quoted) offer.result();
    assertThat(quoted.quote().total()).isEqualTo(Credits.of(3));
    assertThat(quoted.quote().isValidAt(core.clock.now())).isTrue();
    assertThat(offer.balance().available()).isEqualTo(Credits.of(2));
    assertThat(core.quotes.quote(new QuoteCommand(ALICE, Scenarios.REELS, 0)).result())
        .isEqualTo(new QuoteResult.Refused(QuoteRefusal.COUNT_OUT_OF_RANGE));
  }

  @Test
  void givenOutOfRangeValues_historyQuery_cannotBeMade() {
    assertThatThrownBy(() -> new HistoryQuery(ALICE, 0, Set.of(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HistoryQuery(ALICE, 366, Set.of(), 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HistoryQuery(ALICE, 30, Set.of(), -1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HistoryQuery(ALICE, 30, Set.of(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HistoryQuery(ALICE, 30, Set.of(), 0, 51)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HistoryQuery(ALICE, 30, Set.of(), Integer.MAX_VALUE, 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HistoryQuery(null, 30, Set.of(), 0, 10)).isInstanceOf(NullPointerException.class);
    assertThat(new HistoryQuery(ALICE, 365, Set.of(), 3, 50).offset()).isEqualTo(150);
  }

  @Test
  void givenMutableCategorySet_historyQuery_keepsItsOwnCopy() {
    Set<HistoryCategory> categories = new HashSet<>(Set.of(HistoryCategory.BONUS));
    HistoryQuery query = new HistoryQuery(ALICE, 30, categories, 0, 10);

    categories.add(HistoryCategory.SPEND);

    assertThat(query.categories()).containsExactly(HistoryCategory.BONUS);
  }
}
