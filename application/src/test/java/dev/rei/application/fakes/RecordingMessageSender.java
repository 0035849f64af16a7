package dev.rei.application.fakes;

import dev.rei.application.port.out.MessageSender;
import dev.rei.application.port.out.OutboxMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A {@link MessageSender} that records what it sent and answers as the test says (by default: sent). */
public final class RecordingMessageSender implements MessageSender {

  private final List<OutboxMessage> sent = new CopyOnWriteArrayList<>();
  private final List<OutboxMessage> attempts = new CopyOnWriteArrayList<>();
  private volatile Function<OutboxMessage, SendOutcome> answer = message -> new SendOutcome.Sent();

  public RecordingMessageSender answering(Function<OutboxMessage, SendOutcome> answer) {
    this.answer = answer;
    return this;
  }

  /** Answers the next calls with {@code outcomes}, one each in order, then with "sent" again. */
  public RecordingMessageSender answeringInTurn(SendOutcome... outcomes) {
    java.util.Queue<SendOutcome> script = new java.util.concurrent.ConcurrentLinkedQueue<>(List.of(outcomes));
    return answering(message -> {
      SendOutcome next = script.poll();
      return next == null ? new SendOutcome.Sent() : next;
    });
  }

  /** Messages whose sending succeeded, in order. */
  public List<OutboxMessage> sent() {
    return List.copyOf(sent);
  }

  /** Every message it was asked to send, whatever the answer, in order. */
  public List<OutboxMessage> attempts() {
    return List.copyOf(attempts);
  }

  @Override
  public SendOutcome send(OutboxMessage message) {
    attempts.add(message);
    SendOutcome outcome = answer.apply(message);
    if (outcome instanceof SendOutcome.Sent) {
      sent.add(message);
    }
    return outcome;
  }
}
