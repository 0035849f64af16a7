/**
 * Payment gateways and webhook handlers for YooKassa, Heleket and Telegram Stars.
 */
package dev.rei.adapters.payments;
