package dev.rei.adapters.telegram.inbox;

import dev.rei.adapters.telegram.api.TelegramCalls;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.InboundUpdates;
import dev.rei.application.port.out.InboundUpdates.InboundUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.payments.PreCheckoutQuery;

/**
 * Receives each polled batch on the poller's thread and writes it to the inbox before returning:
 * TelegramBots confirms a batch to Telegram as soon as this returns, so an update must be stored
 * by then. While the inbox cannot be written the poller waits here (retrying), so nothing more is
 * confirmed. Nothing escapes: an exception thrown out of here would stop polling for good.
 * Pre-checkout queries are answered right after storing, on the fast path.
 */
public final class InboxConsumer implements LongPollingUpdateConsumer {

  private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

  private final InboundUpdates inbox;
  private final UpdateCodec codec;
  private final Clock clock;
  private final PreCheckoutHandler preCheckout;
  private final TelegramCalls calls;
  private final Runnable newWork;
  private volatile boolean closed;

  /**
   * @param newWork called after a batch is stored, to wake the inbox workers
   */
  public InboxConsumer(InboundUpdates inbox, UpdateCodec codec, Clock clock, PreCheckoutHandler preCheckout,
      TelegramCalls calls, Runnable newWork) {
    this.inbox = inbox;
    this.codec = codec;
    this.clock = clock;
    this.preCheckout = preCheckout;
    this.calls = calls;
    this.newWork = newWork;
  }

  @Override
  public void consume(List<Update> updates) {
    try {
      if (updates == null || updates.isEmpty()) {
        return;
      }
      List<InboundUpdate> batch = encode(updates);
      if (!store(batch)) {
        return;
      }
      newWork.run();
      for (Update update : updates) {
        if (update != null && update.getPreCheckoutQuery() != null) {
          answer(update.getPreCheckoutQuery());
        }
      }
    } catch (Throwable e) {
      // Never rethrow: the library's scheduler would silently stop polling.
      log.error("inbox consumer failed on a batch of {} updates: {}", updates == null ? 0 : updates.size(),
          calls.connection().redact(String.valueOf(e)));
    }
  }

  private List<InboundUpdate> encode(List<Update> updates) {
    Instant now = clock.now();
    List<InboundUpdate> batch = new ArrayList<>(updates.size());
    for (Update update : updates) {
      if (update == null || update.getUpdateId() == null || update.getUpdateId() < 0) {
        continue;
      }
      try {
        batch.add(InboundUpdate.received(update.getUpdateId(), UpdateCodec.chatIdOf(update), codec.encode(update), now));
      } catch (RuntimeException e) {
        log.error("update {} cannot be stored and is skipped: {}", update.getUpdateId(), e.getMessage());
      }
    }
    return batch;
  }

  /** Appends until it works or the bot closes; false if it closed first (Telegram will send the batch again). */
  private boolean store(List<InboundUpdate> batch) {
    Duration delay = FIRST_RETRY;
    while (!closed) {
      try {
        int fresh = inbox.append(batch);
        log.debug("stored {} updates ({} new)", batch.size(), fresh);
        return true;
      } catch (RuntimeException e) {
        log.warn("inbox not writable, retrying in {} ms: {}", delay.toMillis(), e.toString());
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
        delay = delay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay.multipliedBy(2);
      }
    }
    return false;
  }

  private void answer(PreCheckoutQuery query) {
    PreCheckout.Answer answer;
    try {
      answer = preCheckout.answer(new PreCheckout(query.getId(), query.getFrom() == null ? 0 : query.getFrom().getId(),
          String.valueOf(query.getCurrency()), query.getTotalAmount() == null ? 0 : query.getTotalAmount(),
          String.valueOf(query.getInvoicePayload()), query.getFrom() == null ? null : query.getFrom().getLanguageCode()));
    } catch (RuntimeException e) {
      log.error("pre-checkout handler failed; refusing the payment: {}", e.toString());
      answer = PreCheckout.Answer.refuse("Payment could not be checked, please try again later.");
    }
    AnswerPreCheckoutQuery.AnswerPreCheckoutQueryBuilder<?, ?> method = AnswerPreCheckoutQuery.builder()
        .preCheckoutQueryId(query.getId()).ok(answer.ok());
    if (!answer.ok()) {
      method.errorMessage(answer.errorMessage());
    }
    TelegramCalls.Result<Boolean> result = calls.callUnpaced(client -> client.execute(method.build()));
    if (result instanceof TelegramCalls.Result.Failed<Boolean> failed) {
      log.warn("pre-checkout query not answered: {}", failed.failure().summary());
    }
  }

  /** Stops retrying a write that keeps failing; the library calls this when its session closes. */
  @Override
  public void close() {
    closed = true;
  }
}
