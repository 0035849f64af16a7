/** Small durable chat state kept in the ChatStateStore: conversations, remembered orders, ban notices. */
package dev.rei.adapters.telegram.state;
