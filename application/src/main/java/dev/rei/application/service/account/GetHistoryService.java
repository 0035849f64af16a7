package dev.rei.application.service.account;

import dev.rei.application.port.in.account.GetHistoryUseCase;
import dev.rei.application.port.in.account.HistoryPage;
import dev.rei.application.port.in.account.HistoryQuery;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.ledger.Transfer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads one page of a user's history from the ledger. */
public final class GetHistoryService implements GetHistoryUseCase {

  private final LedgerStore ledger;
  private final Clock clock;

  public GetHistoryService(LedgerStore ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public HistoryPage history(HistoryQuery query) {
    Instant since = clock.now().minus(Duration.ofDays(query.days()));
    // One row more than a page tells whether another page follows, without counting them all.
    List<Transfer> rows = ledger.history(query.user(), since, query.categories(), query.offset(), query.pageSize() + 1);
    boolean hasMore = rows.size() > query.pageSize();
    return new HistoryPage(hasMore ? rows.subList(0, query.pageSize()) : rows, query.page(), hasMore);
  }
}
