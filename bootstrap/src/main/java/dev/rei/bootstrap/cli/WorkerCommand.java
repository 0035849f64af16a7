package dev.rei.bootstrap.cli;

import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.wiring.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rei worker}: runs jobs, the sweeper and the payment reconciler; start as many as the load needs. */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Runs job workers, the sweeper and the payment reconciler, plus the HTTP server.",
        "Start as many as the load needs, against one PostgreSQL and one Redis."})
public final class WorkerCommand implements Callable<Integer> {

  private final Launch launch;

  public WorkerCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() {
    Optional<ReiConfig> config = launch.configure(launch.environment().get(), ReiConfig::problemsForWorkers);
    return config.map(c -> ProcessRunner.runUntilStopped(launch, c, EnumSet.of(Role.WORKER)))
        .orElse(ExitCodes.BAD_CONFIGURATION);
  }
}
