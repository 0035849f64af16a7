package dev.rei.application.service;

import dev.rei.application.port.out.AlertThrottle;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.Outbox;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Writes notices to the outbox, in the caller's transaction, so they are sent if and only if the change commits. */
public final class Notifier {

  private final Outbox outbox;
  private final IdGenerator ids;
  private final Clock clock;
  private final Admins admins;
  private final AlertThrottle throttle;
  private final Duration alertWindow;

  /** Alerts about one {@code what} and subject go out at most once per {@code alertWindow}. */
  public Notifier(Outbox outbox, IdGenerator ids, Clock clock, Admins admins, AlertThrottle throttle,
      Duration alertWindow) {
    this.outbox = outbox;
    this.ids = ids;
    this.clock = clock;
    this.admins = admins;
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.alertWindow = Objects.requireNonNull(alertWindow, "alertWindow");
  }

  public void tell(UserId user, Notice.Type type, Map<String, String> values) {
    outbox.enqueue(OutboxMessage.create(ids.newId(), user.value(), Notice.of(type, values), clock.now()));
  }

  /**
   * An {@code ADMIN_ALERT} to every admin chat, unless the same {@code what} about the same
   * {@code subject} (a key, a provider, a payment) went out within the alert window: a storm of
   * failures sends one alert. Returns whether it was sent.
   */
  public boolean alertAdmins(String what, String subject, Map<String, String> values) {
    if (!throttle.letThrough(what + ":" + subject, clock.now(), alertWindow)) {
      return false;
    }
    Map<String, String> alert = new java.util.TreeMap<>(values);
    alert.put("alert", what);
    for (UserId admin : admins.ids()) {
      tell(admin, Notice.Type.ADMIN_ALERT, alert);
    }
    return true;
  }

  /** A notice to any chat, a group's negative id too (the support chat). */
  public void tellChat(long chatId, Notice.Type type, Map<String, String> values) {
    outbox.enqueue(OutboxMessage.create(ids.newId(), chatId, Notice.of(type, values), clock.now()));
  }
}
