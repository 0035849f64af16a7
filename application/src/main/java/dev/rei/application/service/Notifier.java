package dev.rei.application.service;

import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.user.UserId;
import java.util.Map;

/** Writes notices to the outbox, in the caller's transaction, so they are sent if and only if the change commits. */
public final class Notifier {

  private final Outbox outbox;
  private final IdGenerator ids;
  private final Clock clock;
  private final Admins admins;

  public Notifier(Outbox outbox, IdGenerator ids, Clock clock, Admins admins) {
    this.outbox = outbox;
    this.ids = ids;
    this.clock = clock;
    this.admins = admins;
  }

  public void tell(UserId user, Notice.Type type, Map<String, String> values) {
    outbox.enqueue(OutboxMessage.create(ids.newId(), user.value(), Notice.of(type, values), clock.now()));
  }

  /** An {@code ADMIN_ALERT} to every admin chat. */
  public void alertAdmins(String what, Map<String, String> values) {
    Map<String, String> alert = new java.util.TreeMap<>(values);
    alert.put("alert", what);
    for (UserId admin : admins.ids()) {
      tell(admin, Notice.Type.ADMIN_ALERT, alert);
    }
  }
}
