/**
 * Telegram Stars, the rail Telegram requires for digital goods: invoices, the pre-checkout answer
 * on the fast path, and refunds.
 */
package dev.rei.adapters.telegram.payment;
