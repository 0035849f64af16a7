package dev.rei.adapters.telegram.admin;

import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.admin.BanUserUseCase;
import dev.rei.application.port.in.admin.GetJobUseCase;
import dev.rei.application.port.in.admin.GetStatsUseCase;
import dev.rei.application.port.in.admin.GetUserCardUseCase;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.in.admin.RetryJobUseCase;
import dev.rei.application.port.in.admin.UnbanUserUseCase;
import java.util.Objects;

/** The use cases of the admin console (refunds and cancels come with the bot's own use cases). */
public record AdminUseCases(AdjustBalanceUseCase adjust, BanUserUseCase ban, UnbanUserUseCase unban,
    GetUserCardUseCase userCard, GetJobUseCase job, RetryJobUseCase retry, ReconcileLedgerUseCase reconcile,
    GetStatsUseCase stats) {

  public AdminUseCases {
    Objects.requireNonNull(adjust, "adjust");
    Objects.requireNonNull(ban, "ban");
    Objects.requireNonNull(unban, "unban");
    Objects.requireNonNull(userCard, "userCard");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(reconcile, "reconcile");
    Objects.requireNonNull(stats, "stats");
  }
}
