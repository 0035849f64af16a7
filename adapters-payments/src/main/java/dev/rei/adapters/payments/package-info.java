/**
 * Payment gateways and webhook handlers for YooKassa and Heleket, the circuit breaker that guards
 * them, and a simulated rail for the sandbox. Telegram Stars needs no gateway here: its invoices
 * and refunds go through the Bot API, in the Telegram adapter.
 */
package dev.rei.adapters.payments;
