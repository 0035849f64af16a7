package dev.rei.application.port.in.account;

/** A user's own transfers of the last days, filtered by category and paged. */
public interface GetHistoryUseCase {

  HistoryPage history(HistoryQuery query);
}
