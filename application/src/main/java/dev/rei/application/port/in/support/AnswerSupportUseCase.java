package dev.rei.application.port.in.support;

/** Relays an admin's answer to a user who wrote to support, durably through the outbox. */
public interface AnswerSupportUseCase {

  AnswerSupportResult answer(AnswerSupportCommand command);
}
