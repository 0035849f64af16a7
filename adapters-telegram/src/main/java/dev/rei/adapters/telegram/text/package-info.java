/** The bot's words in Russian and English, with ICU plural rules, and each reader's language. */
package dev.rei.adapters.telegram.text;
