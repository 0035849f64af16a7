package dev.rei.bootstrap.cli;

import dev.rei.bootstrap.config.ConfigLoader;
import dev.rei.bootstrap.config.ConfigProblem;
import dev.rei.bootstrap.config.ConfigResult;
import dev.rei.bootstrap.config.Environment;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.logging.LogSetup;
import dev.rei.bootstrap.logging.SecretMasker;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every command starts from: where settings come from, how the process learns it must stop,
 * the sandbox (if this build has one), and where configuration problems are printed. {@code Main}
 * gives the real ones; tests give their own environment and stop trigger.
 */
public record Launch(
    Supplier<Environment> environment,
    Consumer<Runnable> onTermination,
    Optional<SandboxLauncher> sandbox,
    PrintStream err) {

  private static final Logger LOG = LoggerFactory.getLogger(Launch.class);

  public Launch {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(onTermination, "onTermination");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(err, "err");
  }

  /**
   * Reads the configuration; when it is valid, sets up logging (format, secret masking); when not,
   * prints one line per problem. {@code extraChecks} adds the command's own requirements. What the
   * process runs with is logged by {@link #describe} once the command knows it (the sandbox changes it).
   */
  Optional<ReiConfig> configure(Environment env, java.util.function.Function<ReiConfig, List<ConfigProblem>> extraChecks) {
    ConfigResult result = ConfigLoader.load(env);
    List<ConfigProblem> problems = result instanceof ConfigResult.Invalid invalid ? invalid.problems()
        : extraChecks.apply(((ConfigResult.Valid) result).config());
    if (!problems.isEmpty()) {
      // Problems never quote a secret setting, but a token pasted into the wrong variable is masked all the same.
      problems.forEach(problem -> err.println("config: " + SecretMasker.mask(problem.line())));
      err.println("config: " + problems.size() + " problem(s); see .env.example for every setting and its default");
      return Optional.empty();
    }
    ReiConfig config = ((ConfigResult.Valid) result).config();
    SecretMasker.register(config.secretValues());
    LogSetup.toConsole(config.log());
    return Optional.of(config);
  }

  /** Logs what the process runs with, a line per part; never a secret. */
  static void describe(ReiConfig config) {
    config.summary().forEach(line -> LOG.info("config: {}", line));
  }
}
