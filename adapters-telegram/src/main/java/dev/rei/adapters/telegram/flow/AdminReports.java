package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.admin.AdminScreens;
import dev.rei.adapters.telegram.admin.StatsChart;
import dev.rei.application.port.in.admin.GetStatsUseCase;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.in.admin.Stats;
import dev.rei.domain.ledger.LedgerViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /stats (the figures, then the 14-day chart as a photo) and /reconcile (clean, or the first violations). */
final class AdminReports {

  private static final Logger log = LoggerFactory.getLogger(AdminReports.class);
  private static final int VIOLATIONS_SHOWN = 10;

  private final FlowKit kit;
  private final AdminReplies replies;
  private final AdminScreens screens;
  private final GetStatsUseCase stats;
  private final ReconcileLedgerUseCase reconcile;

  AdminReports(FlowKit kit, AdminReplies replies, AdminScreens screens, GetStatsUseCase stats,
      ReconcileLedgerUseCase reconcile) {
    this.kit = kit;
    this.replies = replies;
    this.screens = screens;
    this.stats = stats;
    this.reconcile = reconcile;
  }

  void stats(ChatUser admin) {
    GetStatsUseCase.StatsResult result = stats.stats(admin.id());
    if (result instanceof GetStatsUseCase.StatsResult.Refused refused) {
      replies.refused(admin, refused.reason(), "");
      return;
    }
    Stats figures = ((GetStatsUseCase.StatsResult.Report) result).stats();
    replies.say(admin, screens.stats(admin.language(), figures));
    byte[] chart;
    try {
      chart = StatsChart.png(figures.lastDays(), AdminScreens.fractionDigits(), new StatsChart.Labels(
          kit.text(admin, "admin.chart.jobs"), kit.text(admin, "admin.chart.jobsSeries"),
          kit.text(admin, "admin.chart.revenue"), kit.text(admin, "admin.chart.noRevenue")));
    } catch (RuntimeException | Error e) {
      // A JVM without fonts cannot draw text; the figures above are already sent.
      log.warn("the /stats chart could not be drawn: {}", e.toString());
      return;
    }
    kit.replies().photo(admin.chatId(), chart, "stats.png", kit.text(admin, "admin.chart.caption"));
  }

  void reconcile(ChatUser admin) {
    ReconcileLedgerUseCase.Result result = reconcile.reconcile(admin.id());
    if (result instanceof ReconcileLedgerUseCase.Result.Refused refused) {
      replies.refused(admin, refused.reason(), "");
      return;
    }
    ReconcileLedgerUseCase.Result.Report report = (ReconcileLedgerUseCase.Result.Report) result;
    if (report.violations().isEmpty()) {
      replies.say(admin, kit.text(admin, "admin.reconcile.clean", "accounts", report.accounts(),
          "transfers", report.transfers()));
      return;
    }
    StringBuilder text = new StringBuilder(kit.text(admin, "admin.reconcile.violations",
        "count", report.violations().size()));
    for (LedgerViolation violation : report.violations().subList(0,
        Math.min(VIOLATIONS_SHOWN, report.violations().size()))) {
      text.append('\n').append(kit.text(admin, "admin.reconcile.violation",
          "invariant", violation.invariant().toString(), "detail", violation.detail()));
    }
    replies.say(admin, text.toString());
  }
}
