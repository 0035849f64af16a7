/**
 * An offline stand-in for Telegram: a Bot API emulator on loopback that the real bot talks to, the users it
 * plays for tests and the sandbox, and the terminal chat of {@code rei sandbox}.
 */
package dev.rei.bootstrap.sandbox;
