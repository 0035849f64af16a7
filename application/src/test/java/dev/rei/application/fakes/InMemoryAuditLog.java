package dev.rei.application.fakes;

import dev.rei.application.port.out.AuditLog;
import dev.rei.domain.user.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** {@link AuditLog} over an {@link InMemoryDatabase}, so entries roll back with their transaction. */
public final class InMemoryAuditLog implements AuditLog {

  private final InMemoryDatabase db;

  public InMemoryAuditLog(InMemoryDatabase db) {
    this.db = db;
  }

  @Override
  public void record(Entry entry) {
    db.change(s -> s.audit.add(entry));
  }

  @Override
  public List<Entry> about(UserId target, int limit) {
    return db.access(s -> {
      List<Entry> entries = new ArrayList<>(s.audit.stream().filter(e -> e.target().equals(target)).toList());
      // Newest first by time, the later recorded first among equal times: reverse, then a stable sort.
      Collections.reverse(entries);
      entries.sort(Comparator.comparing(Entry::at).reversed());
      return entries.stream().limit(limit).toList();
    });
  }
}
