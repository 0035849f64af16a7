package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.admin.AdminArgs;
import dev.rei.adapters.telegram.admin.AdminScreens;
import dev.rei.adapters.telegram.admin.AdminUseCases;
import dev.rei.adapters.telegram.button.AdminStep;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.BanUserCommand;
import dev.rei.application.port.in.admin.GetUserCardUseCase;
import dev.rei.application.port.in.admin.UnbanUserCommand;
import dev.rei.application.port.in.job.CancelJobUseCase;
import dev.rei.application.port.in.payment.RefundPaymentCommand;
import dev.rei.application.port.in.payment.RefundPaymentUseCase;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;

/**
 * The operator's console: /admin, /add, /sub, /ban, /unban, /user, /job, /refund, /reconcile and
 * /stats, and their buttons. Rights are checked on every command and every press against the
 * configured admins as they are now, so an admin removed from {@code ADMIN_IDS} loses the console
 * at once; for anyone else the commands do not exist (the router answers "unknown command") and
 * the buttons are out of date. The use cases check the rights once more.
 */
public final class AdminFlow {

  private static final Set<String> COMMANDS = Set.of("admin", "add", "sub", "ban", "unban", "user", "job", "refund",
      "reconcile", "stats");

  private final FlowKit kit;
  private final Set<Long> adminIds;
  private final AdminUseCases admin;
  private final RefundPaymentUseCase refunds;
  private final GetBalanceUseCase balances;
  private final UserStore users;
  private final AdminReplies replies;
  private final AdminScreens screens;
  private final AdminJobs jobs;
  private final AdminReports reports;

  public AdminFlow(FlowKit kit, Set<Long> adminIds, AdminUseCases admin, RefundPaymentUseCase refunds,
      CancelJobUseCase cancels, GetBalanceUseCase balances, UserStore users) {
    this.kit = kit;
    this.adminIds = Set.copyOf(adminIds);
    this.admin = admin;
    this.refunds = refunds;
    this.balances = balances;
    this.users = users;
    this.replies = new AdminReplies(kit);
    this.screens = new AdminScreens(kit.texts());
    this.jobs = new AdminJobs(kit, replies, screens, admin.job(), admin.retry(), cancels);
    this.reports = new AdminReports(kit, replies, screens, admin.stats(), admin.reconcile());
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
      case "job" -> jobs.show(user, args);
      case "refund" -> refund(user, args);
      case "reconcile" -> reports.reconcile(user);
      case "stats" -> reports.stats(user);
      default -> throw new IllegalStateException("admin command without a handler: " + name);
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
      reports.stats(user);
    } else if (step instanceof AdminStep.Reconcile) {
      reports.reconcile(user);
    } else if (step instanceof AdminStep.Help) {
      replies.say(user, kit.text(user, "admin.help"));
    } else if (step instanceof AdminStep.CancelJob cancel) {
      jobs.cancel(user, cancel.jobId());
    } else if (step instanceof AdminStep.RetryJob retry) {
      jobs.retry(user, retry.jobId());
    }
  }

  public boolean isAdmin(ChatUser user) {
    return adminIds.contains(user.id().value());
  }

  private void menu(ChatUser user) {
    kit.replies().send(user.chatId(), kit.text(user, "admin.menu"), Keyboards.rows(List.of(
        List.of(replies.button(user, "admin.button.stats", new AdminStep.Stats()),
            replies.button(user, "admin.button.reconcile", new AdminStep.Reconcile())),
        List.of(replies.button(user, "admin.button.help", new AdminStep.Help())))));
  }

  /** /add or /sub: the command's message names the adjustment, so the same update handled again adjusts once. */
  private void adjust(ChatUser user, AdminArgs args, long messageId, boolean adding) {
    String usage = adding ? "admin.usage.add" : "admin.usage.sub";
    OptionalLong credits = args.count() < 2 ? OptionalLong.empty() : AdminArgs.credits(args.word(1));
    if (credits.isEmpty()) {
      replies.usage(user, usage);
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
      replies.say(user, adjusted.replayed()
          ? kit.text(user, "admin.adjust.replayed")
          : kit.text(user, adding ? "admin.adjust.added" : "admin.adjust.taken", "user", target.get().toString(),
              "credits", Credits.of(amount), "reason", reason.get(), "available", available(target.get())));
      return;
    }
    AdminRefusal refusal = ((AdjustBalanceUseCase.Result.Refused) result).reason();
    if (refusal == AdminRefusal.INSUFFICIENT_FUNDS) {
      replies.say(user, kit.text(user, "admin.adjust.insufficient", "user", target.get().toString(),
          "credits", Credits.of(amount), "available", available(target.get())));
    } else {
      replies.refused(user, refusal, "");
    }
  }

  private void ban(ChatUser user, AdminArgs args) {
    Optional<String> reason = args.count() < 1 ? replies.usage(user, "admin.usage.ban") : reason(user, args, 1);
    Optional<UserId> target = reason.isEmpty() ? Optional.empty() : target(user, args.word(0), "admin.usage.ban");
    target.ifPresent(id -> replies.told(user, admin.ban().ban(new BanUserCommand(user.id(), id, reason.get())),
        "admin.done.ban", "user", String.valueOf(id.value())));
  }

  private void unban(ChatUser user, AdminArgs args) {
    Optional<String> reason = args.count() < 1 ? replies.usage(user, "admin.usage.unban") : reason(user, args, 1);
    Optional<UserId> target = reason.isEmpty() ? Optional.empty() : target(user, args.word(0), "admin.usage.unban");
    target.ifPresent(id -> replies.told(user, admin.unban().unban(new UnbanUserCommand(user.id(), id,
        reason.get())), "admin.done.unban", "user", String.valueOf(id.value())));
  }

  private void card(ChatUser user, AdminArgs args) {
    if (args.count() != 1) {
      replies.usage(user, "admin.usage.user");
      return;
    }
    target(user, args.word(0), "admin.usage.user").ifPresent(id -> {
      GetUserCardUseCase.Result result = admin.userCard().card(user.id(), id);
      if (result instanceof GetUserCardUseCase.Result.Found found) {
        replies.say(user, screens.userCard(user.language(), found.card()));
      } else {
        replies.refused(user, ((GetUserCardUseCase.Result.Refused) result).reason(), "");
      }
    });
  }

  private void refund(ChatUser user, AdminArgs args) {
    Optional<UUID> id = args.count() >= 1 ? AdminArgs.uuid(args.word(0)) : Optional.empty();
    if (id.isEmpty()) {
      replies.usage(user, "admin.usage.refund");
      return;
    }
    reason(user, args, 1).ifPresent(why -> replies.told(user,
        refunds.refund(new RefundPaymentCommand(user.id(), PaymentId.of(id.get()), why)), "admin.done.refund",
        "payment", id.get().toString()));
  }

  /** The user {@code word} names: a Telegram id as is, an @username as last seen by the gate. */
  private Optional<UserId> target(ChatUser user, String word, String usage) {
    Optional<AdminArgs.Who> who = AdminArgs.who(word);
    if (who.isEmpty()) {
      return replies.usage(user, usage);
    }
    if (who.get() instanceof AdminArgs.Who.Id id) {
      return Optional.of(UserId.of(id.id()));
    }
    String name = ((AdminArgs.Who.Username) who.get()).name();
    Optional<UserId> found = users.findByUsername(name);
    if (found.isEmpty()) {
      replies.say(user, kit.text(user, "admin.user.unknown", "who", "@" + name));
    }
    return found;
  }

  private Optional<String> reason(ChatUser user, AdminArgs args, int skip) {
    Optional<String> reason = args.reason(skip);
    if (reason.isEmpty()) {
      replies.say(user, kit.text(user, "admin.usage.reasonTooLong", "max", AdminArgs.MAX_REASON_LENGTH));
    }
    return reason;
  }

  private Credits available(UserId user) {
    return balances.balance(user).available();
  }
}
