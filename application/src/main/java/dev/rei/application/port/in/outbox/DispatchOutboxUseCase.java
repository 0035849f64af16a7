package dev.rei.application.port.in.outbox;

/** Sends due outbox messages through the message sender, marking each sent exactly once. */
public interface DispatchOutboxUseCase {

  DispatchReport dispatch(int max);

  /** What one pass did. */
  record DispatchReport(int sent, int retried, int undeliverable) {}
}
