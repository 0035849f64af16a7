package dev.rei.bootstrap.testing;

import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.OutboxMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chat that records what it was sent: what a Telegram module's sender would deliver. */
public final class RecordingSender implements MessageSender {

  public final List<OutboxMessage> sent = new CopyOnWriteArrayList<>();

  @Override
  public SendOutcome send(OutboxMessage message) {
    sent.add(message);
    return new SendOutcome.Sent();
  }
}
