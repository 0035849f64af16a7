package dev.rei.application.service.outbox;

import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.MessageSender.SendOutcome;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.application.port.out.UnitOfWork;
import java.time.Duration;

/**
 * Sends due messages while holding their rows, so two dispatchers never send one message and one
 * is never marked sent twice; a failed send is tried again later with a growing delay, and a
 * message is only ever given up on when the sender says it can never be delivered.
 */
public final class DispatchOutboxService implements DispatchOutboxUseCase {

  /** A sender that throws is retried after 5 s, 10 s, 20 s… and at most every 10 minutes. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  static final Duration LONGEST_RETRY = Duration.ofMinutes(10);
  /** Errors are stored with the message: an over-long one must not fail that write and leave the message stuck. */
  static final int MAX_ERROR_LENGTH = 500;

  private final UnitOfWork unitOfWork;
  private final Outbox outbox;
  private final MessageSender sender;
  private final Clock clock;

  public DispatchOutboxService(UnitOfWork unitOfWork, Outbox outbox, MessageSender sender, Clock clock) {
    this.unitOfWork = unitOfWork;
    this.outbox = outbox;
    this.sender = sender;
    this.clock = clock;
  }

  @Override
  public DispatchReport dispatch(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a dispatch sends at least one message, max was " + max);
    }
    return unitOfWork.inTransaction(() -> {
      int sent = 0;
      int retried = 0;
      int undeliverable = 0;
      for (OutboxMessage message : outbox.lockDue(clock.now(), max)) {
        SendOutcome outcome = send(message);
        if (outcome instanceof SendOutcome.Sent) {
          outbox.markSent(message.id(), clock.now());
          sent++;
        } else if (outcome instanceof SendOutcome.RetryLater later) {
          outbox.reschedule(message.id(), clock.now().plus(later.after()), clip(later.reason()));
          retried++;
        } else {
          outbox.markUndeliverable(message.id(), clock.now(), clip(((SendOutcome.Undeliverable) outcome).reason()));
          undeliverable++;
        }
      }
      return new DispatchReport(sent, retried, undeliverable);
    });
  }

  /** The sender's answer; an exception (a bug, an unexpected network error) means "later", never "lost". */
  private SendOutcome send(OutboxMessage message) {
    try {
      return sender.send(message);
    } catch (RuntimeException e) {
      return new SendOutcome.RetryLater(backoff(message.attempts()), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static String clip(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  /** 5 s × 2^attempts, at most 10 minutes. */
  static Duration backoff(int attempts) {
    Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 10));
    return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
  }
}
