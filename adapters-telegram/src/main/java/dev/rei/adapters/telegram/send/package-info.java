/** Delivering outbox notices to Telegram: status messages, results, every notice type, paced. */
package dev.rei.adapters.telegram.send;
