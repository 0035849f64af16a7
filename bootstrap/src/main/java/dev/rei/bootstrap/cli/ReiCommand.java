package dev.rei.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rei}: with no subcommand, {@code run}. */
@Command(name = "rei", mixinStandardHelpOptions = true, version = "Rei 0.1.0",
    description = {"Rei: a Telegram bot that sells AI generations for credits, and its billing and job core.",
        "Settings come from environment variables and ./.env (see .env.example). With no command: run."})
public final class ReiCommand implements Callable<Integer> {

  private final Launch launch;

  private ReiCommand(Launch launch) {
    this.launch = launch;
  }

  /** The command line with every subcommand. */
  public static CommandLine commandLine(Launch launch) {
    CommandLine commandLine = new CommandLine(new ReiCommand(launch))
        .addSubcommand("run", new RunCommand(launch))
        .addSubcommand("bot", new BotCommand(launch))
        .addSubcommand("worker", new WorkerCommand(launch))
        .addSubcommand("migrate", new MigrateCommand(launch))
        .addSubcommand("sandbox", new SandboxCommand(launch));
    commandLine.setErr(new java.io.PrintWriter(launch.err(), true));
    return commandLine;
  }

  @Override
  public Integer call() {
    return new RunCommand(launch).call();
  }
}
