/**
 * The Telegram side of Rei: long polling, the inbox, the outbox dispatcher and the conversation flows.
 */
package dev.rei.adapters.telegram;
