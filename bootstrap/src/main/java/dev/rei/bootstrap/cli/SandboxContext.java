package dev.rei.bootstrap.cli;

import dev.rei.bootstrap.config.Environment;
import dev.rei.bootstrap.config.ReiConfig;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the sandbox starts from: the environment (to override settings), the configuration read from
 * it (without a bot token), and how to learn that the process must stop (SIGTERM, Ctrl-C).
 */
public record SandboxContext(Environment environment, ReiConfig config, Consumer<Runnable> onTermination) {

  public SandboxContext {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(onTermination, "onTermination");
  }
}
