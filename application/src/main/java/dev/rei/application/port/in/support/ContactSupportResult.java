package dev.rei.application.port.in.support;

/** Whether a message to support was written to the outbox, or why not. */
public enum ContactSupportResult {
  SENT,
  UNKNOWN_USER,
  /** Neither a support chat nor an admin is configured: nobody would read it. */
  NOBODY_TO_TELL
}
