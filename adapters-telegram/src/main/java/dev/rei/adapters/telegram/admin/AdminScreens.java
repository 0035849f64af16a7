package dev.rei.adapters.telegram.admin;

import dev.rei.adapters.telegram.text.Texts;
import dev.rei.application.port.in.admin.ProviderHealth;
import dev.rei.application.port.in.admin.Stats;
import dev.rei.application.port.in.admin.UserCard;
import dev.rei.application.port.out.AuditLog;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator's screens as text: a user's card, a job, the dashboard. Ids and enum names are
 * shown as they are stored, so an operator can paste them into the next command or a query.
 */
public final class AdminScreens {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final Map<String, Integer> FRACTION_DIGITS = List.of(Currency.RUB, Currency.USD, Currency.XTR,
      Currency.USDT).stream().collect(Collectors.toMap(Currency::code, Currency::fractionDigits));

  private final Texts texts;

  public AdminScreens(Texts texts) {
    this.texts = texts;
  }

  /** Minor-unit digits per currency code, for amounts read as numbers (2 for codes not known here). */
  public static Map<String, Integer> fractionDigits() {
    return FRACTION_DIGITS;
  }

  public static String when(Instant instant) {
    return WHEN.format(instant);
  }

  public String userCard(Language language, UserCard card) {
    StringBuilder text = new StringBuilder(texts.text(language, "admin.user.card",
        "id", card.user().id().toString(),
        "username", card.username().map(name -> texts.text(language, "admin.user.username", "name", name)).orElse(""),
        "language", card.user().language().name(),
        "registered", when(card.user().registeredAt()),
        "banned", card.user().bannedAt().map(at -> texts.text(language, "admin.user.bannedSince", "when", when(at)))
            .orElse(texts.text(language, "admin.user.notBanned")),
        "available", card.balance().available(),
        "held", card.balance().held()));
    text.append("\n\n").append(texts.text(language, card.liveJobs().isEmpty() ? "admin.user.noJobs" : "admin.user.jobs"));
    for (Job job : card.liveJobs()) {
      text.append('\n').append(texts.text(language, "admin.user.job", "id", job.id().toString(),
          "kind", job.kind().name(), "state", job.state().name()));
    }
    text.append("\n\n").append(texts.text(language,
        card.latestPayments().isEmpty() ? "admin.user.noPayments" : "admin.user.payments"));
    for (Payment payment : card.latestPayments()) {
      text.append('\n').append(texts.text(language, "admin.user.payment", "id", payment.id().toString(),
          "rail", payment.rail().name(), "amount", payment.amount().toString(), "status", payment.status().name(),
          "when", when(payment.createdAt())));
    }
    text.append("\n\n").append(texts.text(language, card.latestAudit().isEmpty() ? "admin.user.noAudit" : "admin.user.audit"));
    for (AuditLog.Entry entry : card.latestAudit()) {
      text.append('\n').append(texts.text(language, "admin.user.auditEntry", "when", when(entry.at()),
          "admin", entry.admin().toString(), "action", entry.action(), "details", entry.details(),
          "reason", entry.reason()));
    }
    return text.toString();
  }

  public String job(Language language, Job job) {
    String provider = job.providerTask().map(task -> texts.text(language, "admin.job.provider",
        "provider", task.key().provider().value(), "key", Integer.toString(task.key().index()), "task", task.taskId()))
        .orElse(texts.text(language, "admin.job.noProvider"));
    String error = job.lastFailure().map(failure -> texts.text(language, "admin.job.error",
        "failureClass", failure.failureClass().name(), "message", failure.message()))
        .orElse(texts.text(language, "admin.job.noError"));
    return texts.text(language, "admin.job.card", "id", job.id().toString(), "kind", job.kind().name(),
        "state", job.state().name(), "user", job.userId().toString(), "order", job.orderId().toString(),
        "attempts", Integer.toString(job.attempts()), "price", job.price(), "provider", provider, "error", error,
        "created", when(job.createdAt()), "updated", when(job.updatedAt()), "deadline", when(job.deadline()));
  }

  public String stats(Language language, Stats stats) {
    List<String> jobs = new ArrayList<>();
    for (Map.Entry<JobKind, Map<JobState, Long>> kind : stats.jobsCreatedLastDay().entrySet()) {
      jobs.add(texts.text(language, "admin.stats.jobKind", "kind", kind.getKey().name(), "states",
          kind.getValue().entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue())
              .collect(Collectors.joining(", "))));
    }
    List<String> revenue = new ArrayList<>();
    for (Map.Entry<Rail, Map<String, Long>> rail : stats.revenueLastDay().entrySet()) {
      revenue.add(texts.text(language, "admin.stats.revenue", "rail", rail.getKey().name(), "amounts",
          rail.getValue().entrySet().stream().map(e -> amount(e.getValue(), e.getKey()))
              .collect(Collectors.joining(", "))));
    }
    List<String> keys = new ArrayList<>();
    stats.keyHealth().forEach(pool -> keys.add(keys(language, pool)));
    Map<HistoryCategory, Long> credits = stats.creditsLastDay();
    return texts.text(language, "admin.stats.text",
        "at", when(stats.at()),
        "users", stats.usersTotal(),
        "today", stats.usersRegisteredToday(),
        "jobs", orNone(language, jobs),
        "sold", Credits.of(credits.getOrDefault(HistoryCategory.TOP_UP, 0L)),
        "spent", Credits.of(credits.getOrDefault(HistoryCategory.SPEND, 0L)),
        "returned", Credits.of(credits.getOrDefault(HistoryCategory.RETURN, 0L)),
        "bonus", Credits.of(credits.getOrDefault(HistoryCategory.BONUS, 0L)),
        "adjusted", Credits.of(credits.getOrDefault(HistoryCategory.ADJUSTMENT, 0L)),
        "revenue", orNone(language, revenue),
        "queued", stats.queued(),
        "awaiting", stats.awaitingProvider(),
        "unsent", stats.outboxUnsent(),
        "oldest", stats.oldestUnsentAge().map(age -> texts.text(language, "admin.stats.oldest",
            "seconds", age.toSeconds())).orElse(""),
        "keys", orNone(language, keys));
  }

  private String keys(Language language, ProviderHealth pool) {
    return texts.text(language, "admin.stats.keys", "provider", pool.provider().value(), "healthy", pool.healthy(),
        "cooling", pool.cooling(), "blocked", pool.blocked());
  }

  private String orNone(Language language, List<String> lines) {
    return lines.isEmpty() ? texts.text(language, "admin.stats.none") : String.join("\n", lines);
  }

  /** {@code minorUnits} of {@code code} as a plain decimal with the code: "1000.00 RUB", "75 XTR". */
  static String amount(long minorUnits, String code) {
    return BigDecimal.valueOf(minorUnits, FRACTION_DIGITS.getOrDefault(code, 2)).toPlainString() + " " + code;
  }
}
