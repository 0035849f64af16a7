package dev.rei.bootstrap.cli;

/**
 * Runs the sandbox — the Bot API emulator, the real bot against it with simulated providers, and
 * the terminal chat — until the user quits or the process is told to stop. Supplied by {@code Main};
 * a build without one says so instead of starting.
 */
@FunctionalInterface
public interface SandboxLauncher {

  /** Returns the exit code. */
  int launch(SandboxContext context) throws Exception;
}
