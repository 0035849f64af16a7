package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.admin.AdminArgs;
import dev.rei.adapters.telegram.admin.AdminScreens;
import dev.rei.adapters.telegram.admin.AdminUseCases;
import dev.rei.adapters.telegram.admin.StatsChart;
import dev.rei.adapters.telegram.button.AdminStep;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.admin.BanUserCommand;
import dev.rei.application.port.in.admin.GetJobUseCase;
import dev.rei.application.port.in.admin.GetStatsUseCase;
import dev.rei.application.port.in.admin.GetUserCardUseCase;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.in.admin.RetryJobCommand;
import dev.rei.application.port.in.admin.RetryJobUseCase;
import dev.rei.application.port.in.admin.Stats;
import dev.rei.application.port.in.admin.UnbanUserCommand;
import dev.rei.application.port.in.job.CancelJobCommand;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.job.CancelResult;
import dev.rei.application.port.in.payment.RefundPaymentCommand;
import dev.rei.application.port.in.payment.RefundPaymentUseCase;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.job.CancelledBy;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.LedgerViolation;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The operator's console: /admin, /add, /sub, /ban, /unban, /user, /job, /refund, /reconcile and
 * /stats, and their buttons. Rights are checked on every command and every press against the
 * configured admins as they are now, so an admin removed from {@code ADMIN_IDS} loses the console
 * at once; for anyone else the commands do not exist (the router answers "unknown command") and
 * the buttons are out of date. The use cases check the rights once more.
 */
public final class AdminFlow {

  private static final Logger log = LoggerFactory.getLogger(AdminFlow.class);
  static final Duration BUTTON_TTL = Duration.ofDays(1);
  private static final Set<String> COMMANDS = Set.of("admin", "add", "sub", "ban", "unban", "user", "job", "refund",
      "reconcile", "stats");
  private static final int VIOLATIONS_SHOWN = 10;

  private final FlowKit kit;
  private final Set<Long> adminIds;
  private final AdminUseCases admin;
  private final RefundPaymentUseCase refunds;
  private final CancelJobUseCase cancels;
  private final GetBalanceUseCase balances;
  private final UserStore users;
  private final AdminScreens screens;

  public AdminFlow(FlowKit kit, Set<Long> adminIds, AdminUseCases admin, RefundPaymentUseCase refunds,
      CancelJobUseCase cancels, GetBalanceUseCase balances, UserStore users) {
    this.kit = kit;
    this.adminIds = Set.copyOf(adminIds);
    this.admin = admin;
    this.refunds = refunds;
    this.cancels = cancels;
    this.balances = balances;
    this.users = users;
    this.screens = new AdminScreens(kit.texts());
  }

  /**
   * Carries out {@code text} if it is an admin command and {@code user} an admin; false leaves it
   * to the ordinary commands. {@code messageId} names the command, so a retried update repeats nothing.
   */
  public boolean command(ChatUser user, String text, long messageId) {
    String[] parts = text.strip().split("\\s+", 2);
    String name = parts[0].startsWith("/") ? parts[0].substring(1) : "";
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    name = name.toLowerCase(Locale.ROOT);
    if (!COMMANDS.contains(name) || !isAdmin(user)) {
      return false;
    }
    AdminArgs args = AdminArgs.of(parts.length > 1 ? parts[1] : "");
    switch (name) {
      case "admin" -> menu(user);
      case "add" -> adjust(user, args, messageId, true);
      case "sub" -> adjust(user, args, messageId, false);
      case "ban" -> ban(user, args);
      case "unban" -> unban(user, args);
      case "user" -> card(user, args);
      case "job" -> job(user, args);
      case "refund" -> refund(user, args);
      case "reconcile" -> reconcile(user);
      default -> stats(user);
    }
    return true;
  }

  /** A press on an admin button: obeyed only if the presser is an admin now; otherwise out of date. */
  public void press(ChatUser user, CallbackQuery query, AdminStep step) {
    if (!isAdmin(user)) {
      kit.replies().answer(query.getId(), kit.text(user, "button.outdated"));
      return;
    }
    kit.replies().answer(query.getId(), null);
    if (step instanceof AdminStep.Stats) {
      stats(user);
    } else if (step instanceof AdminStep.Reconcile) {
      reconcile(user);
    } else if (step instanceof AdminStep.Help) {
      say(user, kit.text(user, "admin.help"));
    } else if (step instanceof AdminStep.CancelJob cancel) {
      cancelJob(user, cancel.jobId());
    } else if (step instanceof AdminStep.RetryJob retry) {
      retryJob(user, retry.jobId());
    }
  }

  public boolean isAdmin(ChatUser user) {
    return adminIds.contains(user.id().value());
  }

  private void menu(ChatUser user) {
    InlineKeyboardMarkup keyboard = Keyboards.rows(List.of(
        List.of(button(user, "admin.button.stats", new AdminStep.Stats()),
            button(user, "admin.button.reconcile", new AdminStep.Reconcile())),
        List.of(button(user, "admin.button.help", new AdminStep.Help()))));
    kit.replies().send(user.chatId(), kit.text(user, "admin.menu"), keyboard);
  }

  private void adjust(ChatUser user, AdminArgs args, long messageId, boolean adding) {
    String usage = adding ? "admin.usage.add" : "admin.usage.sub";
    OptionalLong credits = args.count() < 2 ? OptionalLong.empty() : AdminArgs.credits(args.word(1));
    if (credits.isEmpty()) {
      say(user, kit.text(user, usage));
      return;
    }
    Optional<String> reason = reason(user, args, 2);
    Optional<UserId> target = reason.isEmpty() ? Optional.empty() : target(user, args.word(0), usage);
    if (target.isEmpty()) {
      return;
    }
    long amount = credits.getAsLong();
    AdjustBalanceUseCase.Result result = admin.adjust().adjust(new AdjustBalanceCommand(user.id(), target.get(),
        adding ? amount : -amount, reason.get(), IdempotencyKey.of("tg-admin", user.chatId(), messageId)));
    if (result instanceof AdjustBalanceUseCase.Result.Adjusted adjusted) {
      if (adjusted.replayed()) {
        say(user, kit.text(user, "admin.adjust.replayed"));
        return;
      }
      say(user, kit.text(user, adding ? "admin.adjust.added" : "admin.adjust.taken", "user", target.get().toString(),
          "credits", Credits.of(amount), "reason", reason.get(), "available", available(target.get())));
    } else {
      AdminRefusal refusal = ((AdjustBalanceUseCase.Result.Refused) result).reason();
      if (refusal == AdminRefusal.INSUFFICIENT_FUNDS) {
        say(user, kit.text(user, "admin.adjust.insufficient", "user", target.get().toString(),
            "credits", Credits.of(amount), "available", available(target.get())));
      } else {
        refused(user, refusal, "");
      }
    }
  }

  private void ban(ChatUser user, AdminArgs args) {
    Optional<String> reason = args.count() < 1 ? usage(user, "admin.usage.ban") : reason(user, args, 1);
    Optional<UserId> target = reason.isEmpty() ? Optional.empty() : target(user, args.word(0), "admin.usage.ban");
    target.ifPresent(id -> told(user, admin.ban().ban(new BanUserCommand(user.id(), id, reason.get()))));
  }

  private void unban(ChatUser user, AdminArgs args) {
    Optional<String> reason = args.count() < 1 ? usage(user, "admin.usage.unban") : reason(user, args, 1);
    Optional<UserId> target = reason.isEmpty() ? Optional.empty() : target(user, args.word(0), "admin.usage.unban");
    target.ifPresent(id -> told(user, admin.unban().unban(new UnbanUserCommand(user.id(), id, reason.get()))));
  }

  private void card(ChatUser user, AdminArgs args) {
    if (args.count() != 1) {
      say(user, kit.text(user, "admin.usage.user"));
      return;
    }
    target(user, args.word(0), "admin.usage.user").ifPresent(id -> {
      GetUserCardUseCase.Result result = admin.userCard().card(user.id(), id);
      if (result instanceof GetUserCardUseCase.Result.Found found) {
        say(user, screens.userCard(user.language(), found.card()));
      } else {
        refused(user, ((GetUserCardUseCase.Result.Refused) result).reason(), "");
      }
    });
  }

  private void job(ChatUser user, AdminArgs args) {
    Optional<UUID> id = args.count() == 1 ? AdminArgs.uuid(args.word(0)) : Optional.empty();
    if (id.isEmpty()) {
      say(user, kit.text(user, "admin.usage.job"));
      return;
    }
    GetJobUseCase.Result result = admin.job().job(user.id(), JobId.of(id.get()));
    if (result instanceof GetJobUseCase.Result.Refused refused) {
      refused(user, refused.reason(), "");
      return;
    }
    Job job = ((GetJobUseCase.Result.Found) result).job();
    List<InlineKeyboardButton> row = new ArrayList<>();
    if (job.state().isCancellable()) {
      row.add(button(user, "admin.button.cancelJob", new AdminStep.CancelJob(job.id().toString())));
    }
    if (isRetryable(job.state())) {
      row.add(button(user, "admin.button.retryJob", new AdminStep.RetryJob(job.id().toString())));
    }
    kit.replies().send(user.chatId(), screens.job(user.language(), job), row.isEmpty() ? null : Keyboards.of(row));
  }

  private void cancelJob(ChatUser user, String jobId) {
    Optional<UUID> id = AdminArgs.uuid(jobId);
    if (id.isEmpty()) {
      return;
    }
    CancelResult result = cancels.cancel(new CancelJobCommand(JobId.of(id.get()), user.id(),
        CancelledBy.ADMIN));
    if (result instanceof CancelResult.Cancelled cancelled) {
      say(user, kit.text(user, "admin.job.cancelled", "id", jobId, "user", cancelled.job().userId().toString()));
    } else {
      say(user, kit.text(user, "admin.job.cancelRefused." + ((CancelResult.Refused) result).reason().name()));
    }
  }

  private void retryJob(ChatUser user, String jobId) {
    Optional<UUID> id = AdminArgs.uuid(jobId);
    if (id.isEmpty()) {
      return;
    }
    RetryJobUseCase.Result result = admin.retry().retry(new RetryJobCommand(user.id(), JobId.of(id.get())));
    if (result instanceof RetryJobUseCase.Result.MadeDue due) {
      say(user, kit.text(user, due.changed() ? "admin.job.madeDue" : "admin.job.alreadyDue", "id", jobId));
    } else if (result instanceof RetryJobUseCase.Result.Reordered reordered) {
      say(user, reordered.replayed()
          ? kit.text(user, "admin.job.reorderedBefore", "id", jobId, "newId", reordered.replacement().id().toString())
          : kit.text(user, "admin.job.reordered", "id", jobId, "user", reordered.replacement().userId().toString(),
              "newId", reordered.replacement().id().toString(), "credits", reordered.granted()));
    } else {
      refused(user, ((RetryJobUseCase.Result.Refused) result).reason(), "");
    }
  }

  private void refund(ChatUser user, AdminArgs args) {
    Optional<UUID> id = args.count() >= 1 ? AdminArgs.uuid(args.word(0)) : Optional.empty();
    if (id.isEmpty()) {
      say(user, kit.text(user, "admin.usage.refund"));
      return;
    }
    Optional<String> reason = reason(user, args, 1);
    reason.ifPresent(why -> told(user, refunds.refund(new RefundPaymentCommand(user.id(), PaymentId.of(id.get()), why))));
  }

  private void reconcile(ChatUser user) {
    ReconcileLedgerUseCase.Result result = admin.reconcile().reconcile(user.id());
    if (result instanceof ReconcileLedgerUseCase.Result.Refused refused) {
      refused(user, refused.reason(), "");
      return;
    }
    ReconcileLedgerUseCase.Result.Report report = (ReconcileLedgerUseCase.Result.Report) result;
    if (report.violations().isEmpty()) {
      say(user, kit.text(user, "admin.reconcile.clean", "accounts", report.accounts(), "transfers", report.transfers()));
      return;
    }
    StringBuilder text = new StringBuilder(kit.text(user, "admin.reconcile.violations", "count",
        report.violations().size()));
    for (LedgerViolation violation : report.violations().subList(0, Math.min(VIOLATIONS_SHOWN,
        report.violations().size()))) {
      text.append('\n').append(kit.text(user, "admin.reconcile.violation", "invariant", violation.invariant().toString(),
          "detail", violation.detail()));
    }
    say(user, text.toString());
  }

  private void stats(ChatUser user) {
    GetStatsUseCase.StatsResult result = admin.stats().stats(user.id());
    if (result instanceof GetStatsUseCase.StatsResult.Refused refused) {
      refused(user, refused.reason(), "");
      return;
    }
    Stats stats = ((GetStatsUseCase.StatsResult.Report) result).stats();
    say(user, screens.stats(user.language(), stats));
    byte[] chart;
    try {
      chart = StatsChart.png(stats.lastDays(), AdminScreens.fractionDigits(), new StatsChart.Labels(
          kit.text(user, "admin.chart.jobs"), kit.text(user, "admin.chart.jobsSeries"),
          kit.text(user, "admin.chart.revenue"), kit.text(user, "admin.chart.noRevenue")));
    } catch (RuntimeException | Error e) {
      // A JVM without fonts cannot draw text; the figures above are already sent.
      log.warn("the /stats chart could not be drawn: {}", e.toString());
      return;
    }
    kit.replies().photo(user.chatId(), chart, "stats.png", kit.text(user, "admin.chart.caption"));
  }

  private Optional<UserId> target(ChatUser user, String word, String usage) {
    Optional<AdminArgs.Who> who = AdminArgs.who(word);
    if (who.isEmpty()) {
      return usage(user, usage);
    }
    if (who.get() instanceof AdminArgs.Who.Id id) {
      return Optional.of(UserId.of(id.id()));
    }
    String name = ((AdminArgs.Who.Username) who.get()).name();
    Optional<UserId> found = users.findByUsername(name);
    if (found.isEmpty()) {
      say(user, kit.text(user, "admin.user.unknown", "who", "@" + name));
    }
    return found;
  }

  private Optional<String> reason(ChatUser user, AdminArgs args, int skip) {
    Optional<String> reason = args.reason(skip);
    if (reason.isEmpty()) {
      say(user, kit.text(user, "admin.usage.reasonTooLong", "max", AdminArgs.MAX_REASON_LENGTH));
    }
    return reason;
  }

  private <T> Optional<T> usage(ChatUser user, String usage) {
    say(user, kit.text(user, usage));
    return Optional.empty();
  }

  private void told(ChatUser user, AdminResult result) {
    if (result instanceof AdminResult.Done done) {
      say(user, kit.text(user, "admin.done", "summary", done.summary()));
    } else {
      AdminResult.Refused refused = (AdminResult.Refused) result;
      refused(user, refused.reason(), refused.detail());
    }
  }

  private void refused(ChatUser user, AdminRefusal reason, String detail) {
    String text = kit.text(user, "admin.refusal." + reason.name());
    say(user, detail.isBlank() ? text : text + "\n" + kit.text(user, "admin.refusal.detail", "detail", detail));
  }

  private Object available(UserId user) {
    return balances.balance(user).available();
  }

  private InlineKeyboardButton button(ChatUser user, String labelKey, AdminStep step) {
    return kit.buttons().button(kit.text(user, labelKey), new ButtonAction.Admin(user.id().value(), step), BUTTON_TTL);
  }

  private void say(ChatUser user, String text) {
    kit.replies().send(user.chatId(), text, null);
  }

  private static boolean isRetryable(JobState state) {
    return state == JobState.QUEUED || state == JobState.AWAITING_PROVIDER || state == JobState.FAILED
        || state == JobState.EXPIRED;
  }
}
