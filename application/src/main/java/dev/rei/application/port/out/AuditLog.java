package dev.rei.application.port.out;

import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Who did what to whom, and why: every admin action. */
public interface AuditLog {

  void record(Entry entry);

  /** Entries about {@code target}, newest first. */
  List<Entry> about(UserId target, int limit);

  /** One admin action. {@code details} is free text (amounts, ids); {@code reason} is the admin's. */
  record Entry(UserId admin, String action, UserId target, String details, String reason, Instant at) {
    public Entry {
      Objects.requireNonNull(admin, "admin");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(details, "details");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }
}
