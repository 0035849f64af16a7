package dev.rei.application.fakes;

import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.OutboxMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link MessageSender} that records what it sent and answers as the test says (by default: sent). */
public final class RecordingMessageSender implements MessageSender {

  private final List<OutboxMessage> sent = new CopyOnWriteArrayList<>();
  private volatile Function<OutboxMessage, SendOutcome> answer = message -> new SendOutcome.Sent();

  public RecordingMessageSender answering(Function<OutboxMessage, SendOutcome> answer) {
    this.answer = answer;
    return this;
  }

  public List<OutboxMessage> sent() {
    return List.copyOf(sent);
  }

  @Override
  public SendOutcome send(OutboxMessage message) {
    SendOutcome outcome = answer.apply(message);
    if (outcome instanceof SendOutcome.Sent) {
      sent.add(message);
    }
    return outcome;
  }
}
