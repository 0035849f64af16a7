/**
 * Webhook handlers as plain functions ({@link dev.rei.adapters.payments.webhook.WebhookRequest} →
 * {@link dev.rei.adapters.payments.webhook.WebhookResponse}) that bootstrap mounts on its HTTP
 * server, and the sender checks they share: IP allow-lists and the client address behind proxies.
 */
package dev.rei.adapters.payments.webhook;
