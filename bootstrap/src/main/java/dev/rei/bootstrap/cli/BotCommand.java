package dev.rei.bootstrap.cli;

import dev.rei.bootstrap.config.ConfigLoader;
import dev.rei.bootstrap.config.ConfigProblem;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.wiring.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rei bot}: polls Telegram and sends the outbox; jobs run in {@code worker} processes. */
@Command(name = "bot", mixinStandardHelpOptions = true,
    description = {"Runs the bot only: polls Telegram, handles updates and sends messages, plus the HTTP server.",
        "Jobs are left to 'worker' processes. Needs BOT_TOKEN."})
public final class BotCommand implements Callable<Integer> {

  private final Launch launch;

  public BotCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() {
    Optional<ReiConfig> config = launch.configure(launch.environment().get(), c -> c.bot().token().isPresent()
        ? List.of()
        : List.of(new ConfigProblem(ConfigLoader.BOT_TOKEN, "required by 'bot' (the token @BotFather gave you)")));
    return config.map(c -> ProcessRunner.runUntilStopped(launch, c, EnumSet.of(Role.BOT)))
        .orElse(ExitCodes.BAD_CONFIGURATION);
  }
}
