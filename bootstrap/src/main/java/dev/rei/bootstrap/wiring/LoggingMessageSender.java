package dev.rei.bootstrap.wiring;

import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.OutboxMessage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender of a process built without a chat adapter: it logs and keeps every message for later
 * ("retry in a minute"), because marking one sent would lose it for good once Telegram is wired.
 */
final class LoggingMessageSender implements MessageSender {

  static final Duration HOLD = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(LoggingMessageSender.class);

  private final AtomicBoolean warned = new AtomicBoolean();

  @Override
  public SendOutcome send(OutboxMessage message) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn("no chat adapter is installed: outbox messages are kept unsent until one is");
    }
    LOG.info("outbox message {} ({}) for chat {} kept: no chat adapter", message.id(), message.notice().type(),
        message.chatId());
    return new SendOutcome.RetryLater(HOLD, "no chat adapter installed");
  }
}
