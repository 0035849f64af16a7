package dev.rei.domain.job;

import java.util.Objects;

/** A failed attempt: its class and the provider's words (cut to 1,000 characters). */
public record Failure(FailureClass failureClass, String message) {

  public static final int MAX_MESSAGE_LENGTH = 1_000;

  public Failure {
    Objects.requireNonNull(failureClass, "failureClass");
    Objects.requireNonNull(message, "message");
    if (message.length() > MAX_MESSAGE_LENGTH) {
      // Never cut between the two halves of a surrogate pair (an emoji, say).
      int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE_LENGTH - 1))
          ? MAX_MESSAGE_LENGTH - 1
          : MAX_MESSAGE_LENGTH;
      message = message.substring(0, end);
    }
  }

  public static Failure of(FailureClass failureClass, String message) {
    return new Failure(failureClass, message == null ? "" : message);
  }
}
