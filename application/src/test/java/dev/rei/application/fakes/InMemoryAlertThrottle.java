package dev.rei.application.fakes;

import dev.rei.application.port.out.AlertThrottle;
import java.time.Duration;
import java.time.Instant;

/** {@link AlertThrottle} over an {@link InMemoryDatabase}, so a rolled-back alert is forgotten. */
public final class InMemoryAlertThrottle implements AlertThrottle {

  private final InMemoryDatabase db;

  public InMemoryAlertThrottle(InMemoryDatabase db) {
    this.db = db;
  }

  @Override
  public boolean letThrough(String key, Instant now, Duration window) {
    AlertThrottle.check(key, window);
    boolean[] through = new boolean[1];
    db.change(s -> {
      Instant last = s.alertsSent.get(key);
      if (last == null || !last.isAfter(now.minus(window))) {
        s.alertsSent.put(key, now);
        through[0] = true;
      }
    });
    return through[0];
  }
}
