package dev.rei.bootstrap.sandbox;

import java.util.Objects;

/**
 * A command of the bot's menu, as set with setMyCommands.
 *
 * @param command 1–32 characters of lowercase letters, digits and underscores, without the slash
 * @param description 1–256 characters
 */
public record BotCommand(String command, String description) {

  public BotCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(description, "description");
  }
}
