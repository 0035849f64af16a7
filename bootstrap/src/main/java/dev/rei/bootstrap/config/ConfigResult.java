package dev.rei.bootstrap.config;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The loaded configuration, or every problem found in it. */
public sealed interface ConfigResult {

  /** The names of every variable the loader looked at, documented or not. */
  Set<String> variablesRead();

  record Valid(ReiConfig config, Set<String> variablesRead) implements ConfigResult {
    public Valid {
      Objects.requireNonNull(config, "config");
      variablesRead = Set.copyOf(variablesRead);
    }
  }

  record Invalid(List<ConfigProblem> problems, Set<String> variablesRead) implements ConfigResult {
    public Invalid {
      problems = List.copyOf(problems);
      variablesRead = Set.copyOf(variablesRead);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid configuration has at least one problem");
      }
    }
  }
}
