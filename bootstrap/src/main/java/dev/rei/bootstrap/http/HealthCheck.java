package dev.rei.bootstrap.http;

/** Checks one dependency (database, Redis, a payment rail); may block briefly, never throws. */
@FunctionalInterface
public interface HealthCheck {

  Health check();
}
