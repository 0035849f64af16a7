package dev.rei.application.service.outbox;

import dev.rei.application.port.in.outbox.DispatchOutboxUseCase;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.MessageSender.SendOutcome;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.application.port.out.UnitOfWork;
import java.time.Duration;
import java.util.List;

/**
 * Sends due messages while holding their rows, so two dispatchers never send one message twice;
 * a failed send is tried again later with a growing delay, and nothing is ever dropped silently.
 */
public final class DispatchOutboxService implements DispatchOutboxUseCase {

  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration LONGEST_RETRY = Duration.ofMinutes(10);

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
    return unitOfWork.inTransaction(() -> {
      int sent = 0;
      int retried = 0;
      int undeliverable = 0;
      List<OutboxMessage> due = outbox.lockDue(clock.now(), max);
      for (OutboxMessage message : due) {
        SendOutcome outcome;
        try {
          outcome = sender.send(message);
        } catch (RuntimeException e) {
          outcome = new SendOutcome.RetryLater(backoff(message.attempts()), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (outcome instanceof SendOutcome.Sent) {
          outbox.markSent(message.id(), clock.now());
          sent++;
        } else if (outcome instanceof SendOutcome.RetryLater later) {
          outbox.reschedule(message.id(), clock.now().plus(later.after()), later.reason());
          retried++;
        } else {
          outbox.markUndeliverable(message.id(), clock.now(), ((SendOutcome.Undeliverable) outcome).reason());
          undeliverable++;
        }
      }
      return new DispatchReport(sent, retried, undeliverable);
    });
  }

  private static Duration backoff(int attempts) {
    Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 10));
    return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
  }
}
