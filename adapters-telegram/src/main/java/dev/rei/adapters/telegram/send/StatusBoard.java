package dev.rei.adapters.telegram.send;

import dev.rei.adapters.telegram.api.TelegramCalls;
import dev.rei.adapters.telegram.api.TelegramCalls.Result;
import dev.rei.adapters.telegram.api.TelegramFailure;
import dev.rei.adapters.telegram.api.TextLimits;
import dev.rei.adapters.telegram.button.ButtonAction;
import dev.rei.adapters.telegram.button.Buttons;
import dev.rei.adapters.telegram.button.Keyboards;
import dev.rei.adapters.telegram.send.StatusState.JobLine;
import dev.rei.adapters.telegram.send.StatusState.Line;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.application.port.out.MessageSender.SendOutcome;
import dev.rei.application.port.out.Notice;
import dev.rei.domain.user.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * An order's status message: sent on ORDER_PLACED and edited as its jobs' notices arrive. A
 * one-job order shows a progress bar and one cancel button; an order of N jobs shows one line
 * per job ("2/3 ⏳ 40%", "3/3 ❌ credits returned") and a cancel button per job while it may still
 * be cancelled. An edit that would not change the text is not made: Telegram limits edits too.
 */
final class StatusBoard {

  private static final Logger log = LoggerFactory.getLogger(StatusBoard.class);
  static final Duration CANCEL_BUTTON_TTL = Duration.ofDays(1);
  private static final int CANCEL_BUTTONS_PER_ROW = 3;

  private final TelegramCalls calls;
  private final Texts texts;
  private final NoticeTexts render;
  private final Buttons buttons;
  private final StatusMessages statuses;
  private final Function<Result<?>, SendOutcome> outcome;

  StatusBoard(TelegramCalls calls, Texts texts, NoticeTexts render, Buttons buttons, StatusMessages statuses,
      Function<Result<?>, SendOutcome> outcome) {
    this.calls = calls;
    this.texts = texts;
    this.render = render;
    this.buttons = buttons;
    this.statuses = statuses;
    this.outcome = outcome;
  }

  /** ORDER_PLACED with an order id: the status message, with its cancel button(s). */
  SendOutcome placed(long chatId, String orderId, String kind, int count, List<String> jobIds, Notice notice,
      Language language) {
    if (count > 1 && jobIds.size() == count) {
      return placedMany(chatId, orderId, kind, jobIds, language);
    }
    String text = render.orderPlaced(language, kind, count, notice);
    String[] cancelKey = new String[1];
    Result<Message> result = calls.tryCall(chatId, client -> {
      cancelKey[0] = buttons.register(new ButtonAction.CancelOrder(chatId, orderId, jobIds), CANCEL_BUTTON_TTL);
      return client.execute(SendMessage.builder().chatId(chatId).text(TextLimits.message(text))
          .replyMarkup(cancelKeyboard(language, cancelKey[0])).build());
    });
    if (result instanceof Result.Done<Message> done) {
      statuses.save(orderId, new StatusState(done.value().getMessageId(), count, kind, 0, false, cancelKey[0]));
      return new SendOutcome.Sent();
    }
    return outcome.apply(result);
  }

  private SendOutcome placedMany(long chatId, String orderId, String kind, List<String> jobIds, Language language) {
    List<JobLine> lines = new ArrayList<>();
    Result<Message> result = calls.tryCall(chatId, client -> {
      // Registered only when the message really goes out, so a paced attempt leaves no stray buttons.
      lines.clear();
      for (String jobId : jobIds) {
        lines.add(new JobLine(jobId, Line.QUEUED, 0, buttons.register(
            new ButtonAction.CancelOrder(chatId, orderId, List.of(jobId)), CANCEL_BUTTON_TTL)));
      }
      StatusState draft = new StatusState(0, jobIds.size(), kind, 0, false, null, lines);
      return client.execute(SendMessage.builder().chatId(chatId)
          .text(TextLimits.message(multiText(language, draft)))
          .replyMarkup(multiKeyboard(language, draft)).build());
    });
    if (result instanceof Result.Done<Message> done) {
      statuses.save(orderId, new StatusState(done.value().getMessageId(), jobIds.size(), kind, 0, false, null, lines));
      return new SendOutcome.Sent();
    }
    return outcome.apply(result);
  }

  /** JOB_PROGRESS: progress only ever moves forward; a late or stale one changes nothing. */
  SendOutcome progress(long chatId, Notice notice, Language language) {
    String orderId = notice.values().get("orderId");
    int percent = Math.max(0, Math.min(100, NoticeTexts.intValue(notice, "percent", 0)));
    Optional<StatusState> found = orderId == null ? Optional.empty() : statuses.of(orderId);
    if (found.isEmpty() || found.get().done()) {
      return new SendOutcome.Sent();
    }
    StatusState status = found.get();
    if (status.isMultiJob()) {
      int index = status.indexOf(notice.values().getOrDefault("jobId", ""));
      if (index < 0 || status.jobs().get(index).isFinal() || percent <= status.jobs().get(index).percent()
          && status.jobs().get(index).state() == Line.RUNNING) {
        return new SendOutcome.Sent();
      }
      return editMany(chatId, orderId, status, status.withLine(index, status.jobs().get(index).with(Line.RUNNING,
          percent)), language, true);
    }
    if (status.count() != 1 || percent <= status.percent()) {
      return new SendOutcome.Sent();
    }
    String text = render.progress(language, status.kind(), percent);
    Result<?> result = calls.tryCall(chatId, client -> client.execute(EditMessageText.builder().chatId(chatId)
        .messageId(status.messageId()).text(TextLimits.message(text))
        .replyMarkup(cancelKeyboard(language, status.cancelKey())).build()));
    if (result instanceof Result.Done<?> || failedWith(result, TelegramFailure.Kind.NOT_MODIFIED)) {
      statuses.save(orderId, status.withPercent(percent));
      return new SendOutcome.Sent();
    }
    if (failedWith(result, TelegramFailure.Kind.MESSAGE_GONE)) {
      statuses.save(orderId, status.finished());
      return new SendOutcome.Sent();
    }
    return outcome.apply(result);
  }

  /** After JOB_RETRYING was told: the job's progress starts over, and its line says it is retried. */
  void retrying(long chatId, Notice notice, Language language) {
    String orderId = notice.values().get("orderId");
    Optional<StatusState> found = orderId == null ? Optional.empty() : statuses.of(orderId);
    if (found.isEmpty() || found.get().done()) {
      return;
    }
    StatusState status = found.get();
    if (status.isMultiJob()) {
      int index = status.indexOf(notice.values().getOrDefault("jobId", ""));
      if (index >= 0 && !status.jobs().get(index).isFinal()) {
        editMany(chatId, orderId, status, status.withLine(index, status.jobs().get(index).with(Line.RETRYING, 0)),
            language, false);
      }
      return;
    }
    if (status.count() != 1) {
      return;
    }
    statuses.save(orderId, status.withPercent(0));
    bestEffortEdit(chatId, orderId, status.messageId(), render.status(language, "status.retrying", status.kind()),
        cancelKeyboard(language, status.cancelKey()));
  }

  /**
   * After a job's final notice was delivered (result, failure, cancel, expiry): its line or the
   * one-job status shows the end and loses its cancel button. Best effort: the user already has
   * the real news, so a missing status or a failed edit is let go.
   */
  void ended(long chatId, Notice notice, Line end, Language language) {
    String orderId = notice.values().get("orderId");
    Optional<StatusState> found = orderId == null ? Optional.empty() : statuses.of(orderId);
    if (found.isEmpty() || found.get().done()) {
      return;
    }
    StatusState status = found.get();
    if (status.isMultiJob()) {
      int index = status.indexOf(notice.values().getOrDefault("jobId", ""));
      if (index >= 0 && !status.jobs().get(index).isFinal()) {
        editMany(chatId, orderId, status, status.withLine(index, status.jobs().get(index).with(end,
            status.jobs().get(index).percent())), language, false);
      }
      return;
    }
    if (status.count() != 1) {
      return;
    }
    statuses.save(orderId, status.finished());
    String key = switch (end) {
      case SENT -> "status.done";
      case CANCELLED -> "status.cancelled";
      case EXPIRED -> "status.expired";
      default -> "status.failed";
    };
    bestEffortEdit(chatId, orderId, status.messageId(), render.status(language, key, status.kind()), null);
  }

  /** "2/3" of a multi-job order's job, for the result's caption; empty for a one-job order. */
  Optional<String> position(Notice notice) {
    String orderId = notice.values().get("orderId");
    String jobId = notice.values().get("jobId");
    if (orderId == null || jobId == null) {
      return Optional.empty();
    }
    return statuses.of(orderId).filter(StatusState::isMultiJob).flatMap(status -> {
      int index = status.indexOf(jobId);
      return index < 0 ? Optional.empty() : Optional.of((index + 1) + "/" + status.count());
    });
  }

  /**
   * Shows {@code next} on a multi-job status message unless its text and buttons stay the same;
   * {@code paced} says whether this is the notice's own message (paced like any other) or a
   * follow-up to a message just sent (best effort).
   */
  private SendOutcome editMany(long chatId, String orderId, StatusState before, StatusState next, Language language,
      boolean paced) {
    String text = multiText(language, next);
    boolean sameText = text.equals(multiText(language, before));
    boolean sameButtons = cancellable(before).equals(cancellable(next));
    if (sameText && sameButtons) {
      statuses.save(orderId, next);
      return new SendOutcome.Sent();
    }
    InlineKeyboardMarkup keyboard = multiKeyboard(language, next);
    if (!paced) {
      statuses.save(orderId, next);
      bestEffortEdit(chatId, orderId, next.messageId(), text, keyboard);
      return new SendOutcome.Sent();
    }
    Result<?> result = calls.tryCall(chatId, client -> client.execute(EditMessageText.builder().chatId(chatId)
        .messageId(next.messageId()).text(TextLimits.message(text)).replyMarkup(keyboard).build()));
    if (result instanceof Result.Done<?> || failedWith(result, TelegramFailure.Kind.NOT_MODIFIED)) {
      statuses.save(orderId, next);
      return new SendOutcome.Sent();
    }
    if (failedWith(result, TelegramFailure.Kind.MESSAGE_GONE)) {
      statuses.save(orderId, next.finished());
      return new SendOutcome.Sent();
    }
    return outcome.apply(result);
  }

  private void bestEffortEdit(long chatId, String orderId, int messageId, String text, InlineKeyboardMarkup keyboard) {
    // It completes a message just sent to this chat, so it must not wait behind that message's slot.
    Result<?> result = calls.callRegardless(chatId, client -> client.execute(EditMessageText.builder().chatId(chatId)
        .messageId(messageId).text(TextLimits.message(text)).replyMarkup(keyboard).build()));
    if (result instanceof Result.Failed<?> failed) {
      log.debug("status message of order {} not updated: {}", orderId, failed.failure().summary());
    }
  }

  /** The header (what, how many, how it ended) and a line per job. */
  private String multiText(Language language, StatusState status) {
    String kindName = render.kindName(language, status.kind());
    String header;
    if (status.done()) {
      long sent = status.jobs().stream().filter(line -> line.state() == Line.SENT).count();
      header = texts.text(language, "status.multi.finished", "kind", kindName, "count", status.count(),
          "sent", sent, "returned", status.count() - sent);
    } else {
      String key = texts.has(language, "status.multi." + status.kind()) ? "status.multi." + status.kind()
          : "status.multi";
      header = texts.text(language, key, "kind", kindName, "count", status.count());
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < status.jobs().size(); i++) {
      JobLine line = status.jobs().get(i);
      lines.add(texts.text(language, "status.line." + line.state().name(), "n", i + 1, "count", status.count(),
          "percent", line.percent() / 10 * 10));
    }
    return header + "\n\n" + lines.stream().collect(Collectors.joining("\n"));
  }

  private InlineKeyboardMarkup multiKeyboard(Language language, StatusState status) {
    List<List<InlineKeyboardButton>> rows = new ArrayList<>();
    List<InlineKeyboardButton> row = new ArrayList<>();
    for (int i = 0; i < status.jobs().size(); i++) {
      JobLine line = status.jobs().get(i);
      if (line.isFinal() || line.cancelKey() == null) {
        continue;
      }
      row.add(Buttons.keyed(texts.text(language, "status.button.cancelJob", "n", i + 1, "count", status.count()),
          line.cancelKey()));
      if (row.size() == CANCEL_BUTTONS_PER_ROW) {
        rows.add(row);
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return rows.isEmpty() ? null : Keyboards.rows(rows);
  }

  private static List<String> cancellable(StatusState status) {
    return status.jobs().stream().filter(line -> !line.isFinal()).map(JobLine::jobId).toList();
  }

  InlineKeyboardMarkup cancelKeyboard(Language language, String cancelKey) {
    if (cancelKey == null) {
      return null;
    }
    return Keyboards.of(List.of(Buttons.keyed(texts.text(language, "button.cancelOrder"), cancelKey)));
  }

  private static boolean failedWith(Result<?> result, TelegramFailure.Kind kind) {
    return result instanceof Result.Failed<?> failed && failed.failure().is(kind);
  }
}
