package dev.rei.adapters.telegram.send;

import dev.rei.adapters.telegram.text.Texts;
import dev.rei.application.port.out.Notice;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.Language;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a {@link Notice} into words in the reader's language. A value missing from a notice
 * renders as a dash rather than failing: a message with a gap beats one retried forever.
 */
final class NoticeTexts {

  private static final String MISSING = "—";
  private static final int BAR_CELLS = 10;

  private final Texts texts;
  private final String supportContact;

  NoticeTexts(Texts texts, String supportContact) {
    this.texts = texts;
    this.supportContact = supportContact;
  }

  String welcome(Language language, Notice notice) {
    String text = texts.text(language, "welcome.text");
    Optional<Credits> bonus = credits(notice, "bonus");
    if (bonus.isPresent() && bonus.get().isPositive()) {
      text += "\n\n" + texts.text(language, "welcome.bonus", "bonus", bonus.get());
    }
    return text;
  }

  String kindName(Language language, String kind) {
    String key = "kind." + kind;
    return texts.has(language, key) ? texts.text(language, key) : texts.text(language, "kind.unknown");
  }

  String orderPlaced(Language language, String kind, int count, Notice notice) {
    return texts.text(language, "status.placed", "kind", kindName(language, kind), "count", count,
        "total", creditsArgument(notice, "total"));
  }

  String progress(Language language, String kind, int percent) {
    int filled = Math.max(0, Math.min(BAR_CELLS, percent / (100 / BAR_CELLS)));
    String bar = "▓".repeat(filled) + "░".repeat(BAR_CELLS - filled);
    return texts.text(language, "status.progress", "kind", kindName(language, kind), "bar", bar, "percent", percent);
  }

  String status(Language language, String key, String kind) {
    return texts.text(language, key, "kind", kindName(language, kind));
  }

  /** JOB_FAILED (by failure class), JOB_CANCELLED, JOB_EXPIRED: what happened and that the credits came back. */
  String jobEnded(Language language, Notice notice) {
    Object price = creditsArgument(notice, "price");
    return switch (notice.type()) {
      case JOB_CANCELLED -> texts.text(language, "job.cancelled", "price", price);
      case JOB_EXPIRED -> texts.text(language, "job.expired", "price", price);
      default -> {
        FailureClass failure = failureClass(notice);
        String support = failure == FailureClass.BILLING && !supportContact.isBlank()
            ? texts.text(language, "job.failed.support", "contact", supportContact) : "";
        // A kind may explain its own rules (a Reels product photo: no people, no brands…).
        String kindKey = "job.failed." + failure.name() + "." + notice.values().getOrDefault("kind", "");
        yield texts.text(language, texts.has(language, kindKey) ? kindKey : "job.failed." + failure.name(),
            "price", price, "support", support);
      }
    };
  }

  static FailureClass failureClass(Notice notice) {
    String name = notice.values().get("failureClass");
    try {
      return name == null ? FailureClass.UNKNOWN : FailureClass.valueOf(name);
    } catch (IllegalArgumentException e) {
      return FailureClass.UNKNOWN;
    }
  }

  /** Every other notice: one text, no buttons. */
  String plain(Language language, Notice notice) {
    Map<String, String> values = notice.values();
    return switch (notice.type()) {
      case JOB_RETRYING -> texts.text(language, "job.retrying");
      // The balance after crediting rides on newer notices; an older one is told without it.
      case PAYMENT_SUCCEEDED -> credits(notice, "balance").isPresent()
          ? texts.text(language, "payment.succeeded", "credits", creditsArgument(notice, "credits"),
              "balance", creditsArgument(notice, "balance"))
          : texts.text(language, "payment.succeeded.noBalance", "credits", creditsArgument(notice, "credits"));
      case PAYMENT_CANCELED -> texts.text(language, "payment.canceled");
      case PAYMENT_REFUNDED -> texts.text(language, "payment.refunded",
          "amount", values.getOrDefault("amount", MISSING), "credits", creditsArgument(notice, "credits"));
      case BALANCE_ADJUSTED -> balanceAdjusted(language, notice);
      case BANNED -> texts.text(language, "banned");
      case UNBANNED -> texts.text(language, "unbanned");
      case ADMIN_ALERT -> texts.text(language, "admin.alert", "alert", values.getOrDefault("alert", MISSING),
          "details", values.entrySet().stream()
              .filter(entry -> !entry.getKey().equals("alert"))
              .map(entry -> entry.getKey() + ": " + entry.getValue())
              .collect(Collectors.joining("\n")));
      case WELCOME -> welcome(language, notice);
      case JOB_FAILED, JOB_CANCELLED, JOB_EXPIRED -> jobEnded(language, notice);
      case ORDER_PLACED -> orderPlaced(language, values.getOrDefault("kind", "unknown"),
          intValue(notice, "count", 1), notice);
      case JOB_PROGRESS -> progress(language, values.getOrDefault("kind", "unknown"), intValue(notice, "percent", 0));
      case JOB_RESULT -> texts.text(language, "job.result");
      case SUPPORT_MESSAGE -> supportMessage(language, values);
      case SUPPORT_ANSWER -> texts.text(language, "support.answer", "text", values.getOrDefault("text", MISSING));
    };
  }

  /** Who wrote (id, @username, name) and what; the user's words are values, shown as plain text. */
  private String supportMessage(Language language, Map<String, String> values) {
    StringBuilder who = new StringBuilder(values.getOrDefault("userId", MISSING));
    if (values.containsKey("username")) {
      who.append(' ').append(texts.text(language, "support.who.username", "username", values.get("username")));
    }
    if (values.containsKey("name")) {
      who.append(" (").append(values.get("name")).append(')');
    }
    String text = values.getOrDefault("text", "");
    if (values.containsKey("photo")) {
      text = text.isBlank() ? texts.text(language, "support.message.photo")
          : texts.text(language, "support.message.photo") + "\n" + text;
    }
    return texts.text(language, "support.message", "who", who.toString(),
        "language", values.getOrDefault("language", MISSING), "text", text);
  }

  private String balanceAdjusted(Language language, Notice notice) {
    String reason = notice.values().getOrDefault("reason", MISSING);
    long delta;
    try {
      delta = Long.parseLong(notice.values().getOrDefault("delta", ""));
    } catch (NumberFormatException e) {
      return texts.text(language, "balance.added", "credits", MISSING, "reason", reason);
    }
    // Long.MIN_VALUE has no positive counterpart; an adjustment command can never carry it.
    Credits amount = Credits.of(delta == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(delta));
    return texts.text(language, delta >= 0 ? "balance.added" : "balance.taken", "credits", amount, "reason", reason);
  }

  static Optional<Credits> credits(Notice notice, String name) {
    try {
      String value = notice.values().get(name);
      return value == null ? Optional.empty() : Optional.of(Credits.of(Long.parseLong(value)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Object creditsArgument(Notice notice, String name) {
    return credits(notice, name).<Object>map(c -> c).orElse(MISSING);
  }

  static int intValue(Notice notice, String name, int fallback) {
    try {
      String value = notice.values().get(name);
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
