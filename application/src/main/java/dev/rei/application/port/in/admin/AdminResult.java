package dev.rei.application.port.in.admin;

import java.util.Objects;

/** What an admin action did, in a line for the operator, or why it did nothing. */
public sealed interface AdminResult {

  record Done(String summary) implements AdminResult {
    public Done {
      Objects.requireNonNull(summary, "summary");
    }
  }

  /** {@code detail} adds what the refusing party said (a rail's reason), or is blank. */
  record Refused(AdminRefusal reason, String detail) implements AdminResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    public Refused(AdminRefusal reason) {
      this(reason, "");
    }
  }
}
