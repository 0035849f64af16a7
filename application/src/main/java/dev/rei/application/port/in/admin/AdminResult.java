package dev.rei.application.port.in.admin;

import java.util.Objects;

/** What an admin action did, in a line for the operator, or why it did nothing. */
public sealed interface AdminResult {

  record Done(String summary) implements AdminResult {
    public Done {
      Objects.requireNonNull(summary, "summary");
    }
  }

  record Refused(AdminRefusal reason) implements AdminResult {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
