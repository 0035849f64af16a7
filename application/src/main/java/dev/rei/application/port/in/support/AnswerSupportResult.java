package dev.rei.application.port.in.support;

/** Whether an answer was written to the outbox for the user, or why not. */
public enum AnswerSupportResult {
  SENT,
  NOT_AN_ADMIN,
  UNKNOWN_USER
}
