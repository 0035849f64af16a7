/** Telegram payment answers; until the payments work, a polite refusal. */
package dev.rei.adapters.telegram.payment;
