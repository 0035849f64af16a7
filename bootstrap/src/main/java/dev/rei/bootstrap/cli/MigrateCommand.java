package dev.rei.bootstrap.cli;

import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.logging.SecretMasker;
import dev.rei.bootstrap.wiring.ReiProcess;
import dev.rei.bootstrap.wiring.StartupException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code rei migrate}: brings the database schema up to date and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Applies pending database migrations and exits (every other command also does this on start).",
        "Without DATABASE_URL it migrates the embedded database under DATA_DIR."})
public final class MigrateCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(MigrateCommand.class);

  private final Launch launch;

  public MigrateCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() {
    Optional<ReiConfig> config = launch.configure(launch.environment().get(), c -> List.of());
    if (config.isEmpty()) {
      return ExitCodes.BAD_CONFIGURATION;
    }
    Launch.describe(config.get());
    try {
      ReiProcess.migrate(config.get());
      return ExitCodes.OK;
    } catch (StartupException e) {
      LOG.error("{}", e.getMessage(), e);
      launch.err().println(SecretMasker.mask(e.getMessage()));
      return ExitCodes.FAILED;
    }
  }
}
