/**
 * Logging set-up: text or JSON lines, and the masking every line passes through so that no token,
 * key or password reaches a log.
 */
package dev.rei.bootstrap.logging;
