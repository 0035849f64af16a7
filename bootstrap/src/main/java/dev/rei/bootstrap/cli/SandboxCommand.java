package dev.rei.bootstrap.cli;

import dev.rei.bootstrap.config.Environment;
import dev.rei.bootstrap.config.ReiConfig;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code rei sandbox}: the bot against a local Telegram emulator, simulated providers, a chat in the terminal. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = {"Runs the bot offline: a local Telegram emulator and a chat in this terminal.",
        "The real bot talks to a local Telegram Bot API emulator, with simulated providers and payments.",
        "Needs no token, no key and no network."})
public final class SandboxCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxCommand.class);

  private final Launch launch;

  public SandboxCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() {
    Environment env = launch.environment().get();
    Optional<ReiConfig> config = launch.configure(env, c -> List.of());
    return config.map(c -> launchSandbox(launch, env, c)).orElse(ExitCodes.BAD_CONFIGURATION);
  }

  static int launchSandbox(Launch launch, Environment env, ReiConfig config) {
    if (launch.sandbox().isEmpty()) {
      LOG.error("this build has no sandbox; set BOT_TOKEN to run the bot");
      launch.err().println("this build has no sandbox; set BOT_TOKEN to run the bot");
      return ExitCodes.FAILED;
    }
    try {
      return launch.sandbox().get().launch(new SandboxContext(env, config, launch.onTermination()));
    } catch (Exception e) {
      LOG.error("the sandbox failed: {}", e.toString(), e);
      launch.err().println("the sandbox failed: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
