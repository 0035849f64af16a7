package dev.rei.application.port.in.admin;

import java.util.Objects;

/** The rule every admin's reason follows: it is written down in the audit log, so it says something, briefly. */
final class AdminReasons {

  static final int MAX_LENGTH = 500;

  private AdminReasons() {}

  static void require(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("an admin action needs a reason of 1.." + MAX_LENGTH + " characters");
    }
  }
}
