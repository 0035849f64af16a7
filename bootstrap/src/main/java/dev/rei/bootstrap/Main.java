package dev.rei.bootstrap;

import dev.rei.bootstrap.cli.Launch;
import dev.rei.bootstrap.cli.ReiCommand;
import dev.rei.bootstrap.cli.SandboxLauncher;
import dev.rei.bootstrap.sandbox.Sandbox;
import dev.rei.bootstrap.config.Environment;
import dev.rei.bootstrap.run.ExitWatchdog;
import dev.rei.bootstrap.run.ShutdownSignals;
import java.time.Duration;
import java.util.Optional;

/** The entry point of {@code rei.jar}: {@code java -jar rei.jar [run|bot|worker|migrate|sandbox]}. */
public final class Main {

  /** How long the JVM may linger after the command returned before the watchdog ends it. */
  private static final Duration EXIT_PATIENCE = Duration.ofSeconds(15);

  private Main() {}

  public static void main(String[] args) {
    // The JDK's HTTP server reads this once, when the first server starts; without it every small
    // answer waits ~40 ms for Nagle's algorithm (measured with the emulator: 200 sends 9 s vs 0.4 s).
    System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
    // The /stats chart is drawn with AWT; a server has no display, and the bot never needs one.
    System.setProperty("java.awt.headless", "true");
    Launch launch = new Launch(Environment::fromSystem, ShutdownSignals::install, sandbox(), System.err);
    int exitCode = ReiCommand.commandLine(launch).execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
    // A clean stop ends the JVM by itself, with status 0, once no non-daemon thread is left.
    ExitWatchdog.arm(EXIT_PATIENCE);
  }

  /** The sandbox of this build: the emulator, the bot against it, a terminal chat. */
  private static Optional<SandboxLauncher> sandbox() {
    return Optional.of(new Sandbox());
  }
}
