package dev.rei.bootstrap.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where settings come from: the process environment, then a {@code .env} file for what the
 * environment does not set (the environment wins, so an operator can override a file). An empty
 * value counts as not set, as {@code NAME=} in a file usually means "use the default".
 */
public final class Environment {

  private final Map<String, String> values;
  private final List<ConfigProblem> fileProblems;

  private Environment(Map<String, String> values, List<ConfigProblem> fileProblems) {
    this.values = Map.copyOf(values);
    this.fileProblems = List.copyOf(fileProblems);
  }

  /** The process environment over {@code .env} in the working directory. */
  public static Environment fromSystem() {
    return of(System.getenv(), Path.of(".env"));
  }

  /** {@code variables} over the settings of {@code dotEnv} (which may not exist). */
  public static Environment of(Map<String, String> variables, Path dotEnv) {
    DotEnvFile file = DotEnvFile.read(dotEnv);
    Map<String, String> merged = new HashMap<>(file.values());
    merged.putAll(variables);
    return new Environment(merged, file.problems());
  }

  /** Exactly {@code variables}, no file: for tests and for the sandbox's overrides. */
  public static Environment of(Map<String, String> variables) {
    return new Environment(variables, List.of());
  }

  /** This environment with {@code overrides} on top. */
  public Environment with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return new Environment(merged, fileProblems);
  }

  /** The value of {@code name}, stripped; empty when unset or blank. */
  public Optional<String> get(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** Every variable name set, for key pools ({@code NAME_1}, {@code NAME_2}…). */
  public java.util.Set<String> names() {
    return values.keySet();
  }

  /** Lines of the {@code .env} file that could not be read. */
  public List<ConfigProblem> fileProblems() {
    return fileProblems;
  }
}
