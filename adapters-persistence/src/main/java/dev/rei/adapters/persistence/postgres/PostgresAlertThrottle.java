package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.ALERT_THROTTLE;

import dev.rei.application.port.out.AlertThrottle;
import java.time.Duration;
import java.time.Instant;

/**
 * Alert throttling on PostgreSQL: one row per alert key. The upsert only moves {@code sent_at}
 * when the window has passed, and a concurrent caller waits on the row, so exactly one wins.
 */
public final class PostgresAlertThrottle implements AlertThrottle {

  private final JooqUnitOfWork db;

  public PostgresAlertThrottle(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public boolean letThrough(String key, Instant now, Duration window) {
    AlertThrottle.check(key, window);
    return db.query(dsl -> dsl.insertInto(ALERT_THROTTLE)
        .set(ALERT_THROTTLE.ALERT_KEY, key).set(ALERT_THROTTLE.SENT_AT, Times.toDb(now))
        .onConflict(ALERT_THROTTLE.ALERT_KEY).doUpdate()
        .set(ALERT_THROTTLE.SENT_AT, Times.toDb(now))
        .where(ALERT_THROTTLE.SENT_AT.le(Times.toDb(now.minus(window))))
        .execute()) == 1;
  }
}
