-- When each admin alert last went out, so a storm of the same alert sends one message per window.
CREATE TABLE alert_throttle (
    alert_key TEXT PRIMARY KEY CHECK (length(alert_key) BETWEEN 1 AND 200),
    sent_at   TIMESTAMPTZ NOT NULL
);
