/**
 * YooKassa (API v3): payments with a redirect confirmation, re-reads, refunds, and the webhook
 * that trusts nothing in a notification but the id it names.
 */
package dev.rei.adapters.payments.yookassa;
