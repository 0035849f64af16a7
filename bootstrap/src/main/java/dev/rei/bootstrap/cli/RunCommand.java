package dev.rei.bootstrap.cli;

import dev.rei.bootstrap.config.ConfigLoader;
import dev.rei.bootstrap.config.Environment;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.wiring.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code rei run}: the bot, the job workers and the HTTP server in one process; the sandbox when there is no token. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs everything in one process: the bot, the job workers and the HTTP server.",
        "Without BOT_TOKEN it starts the sandbox instead (a local Telegram emulator, simulated providers)."})
public final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  private final Launch launch;

  public RunCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() {
    Environment env = launch.environment().get();
    Optional<ReiConfig> config = launch.configure(env, c -> c.bot().token().isPresent() ? c.problemsForWorkers() : List.of());
    if (config.isEmpty()) {
      return ExitCodes.BAD_CONFIGURATION;
    }
    if (config.get().bot().token().isEmpty()) {
      LOG.warn("{} is not set: starting the sandbox (a local Telegram Bot API emulator with simulated providers)"
          + " instead of the bot", ConfigLoader.BOT_TOKEN);
      return SandboxCommand.launchSandbox(launch, env, config.get());
    }
    return ProcessRunner.runUntilStopped(launch, config.get(), EnumSet.of(Role.BOT, Role.WORKER));
  }
}
