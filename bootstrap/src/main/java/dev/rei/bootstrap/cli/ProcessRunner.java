package dev.rei.bootstrap.cli;

import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.wiring.AdapterModules;
import dev.rei.bootstrap.wiring.ReiProcess;
import dev.rei.bootstrap.wiring.Role;
import dev.rei.bootstrap.wiring.StartupException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a process for some roles and keeps the calling thread until the process is told to stop. */
final class ProcessRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);

  private ProcessRunner() {}

  static int runUntilStopped(Launch launch, ReiConfig config, Set<Role> roles) {
    AtomicReference<ReiProcess> running = new AtomicReference<>();
    AtomicBoolean stopRequested = new AtomicBoolean();
    // Listening before starting: a SIGTERM during a slow start (initdb, migrations) still stops cleanly.
    launch.onTermination().accept(() -> {
      stopRequested.set(true);
      ReiProcess process = running.get();
      if (process != null) {
        process.stop();
      }
    });
    Launch.describe(config);
    ReiProcess process;
    try {
      process = ReiProcess.start(config, roles, AdapterModules.forConfig(config));
    } catch (StartupException e) {
      LOG.error("start-up failed: {}", e.getMessage(), e);
      launch.err().println("start-up failed: " + dev.rei.bootstrap.logging.SecretMasker.mask(e.getMessage()));
      return ExitCodes.FAILED;
    }
    running.set(process);
    if (stopRequested.get()) {
      process.stop();
    }
    try {
      process.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.stop();
    }
    return ExitCodes.OK;
  }
}
