package dev.rei.application.port.in.account;

import dev.rei.domain.ledger.Transfer;
import java.util.List;
import java.util.Objects;

/** One page of a history, newest first; {@code hasMore} says whether a next page has entries. */
public record HistoryPage(List<Transfer> entries, int page, boolean hasMore) {

  public HistoryPage {
    Objects.requireNonNull(entries, "entries");
    entries = List.copyOf(entries);
    if (page < 0) {
      throw new IllegalArgumentException("page cannot be negative, was " + page);
    }
  }
}
