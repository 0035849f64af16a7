package dev.rei.adapters.payments.webhook;

/**
 * One rail's webhook. Never throws: a bug answers 500 with a logged reason, an outage of our store
 * or of the rail's API answers 503 so the rail delivers again, and every rejection is logged with
 * its reason (never a secret). Safe to call from many threads at once.
 */
@FunctionalInterface
public interface WebhookHandler {

  WebhookResponse handle(WebhookRequest request);
}
