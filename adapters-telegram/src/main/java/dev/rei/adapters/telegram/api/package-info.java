/** The line to the Bot API: endpoint, client, pacing shared by every message, failure classes, file downloads. */
package dev.rei.adapters.telegram.api;
