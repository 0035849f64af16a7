package dev.rei.bootstrap.config;

import java.util.Objects;

/** What is wrong with one setting: the variable (or file line) and why, printed as one line. */
public record ConfigProblem(String variable, String problem) {

  public ConfigProblem {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(problem, "problem");
  }

  /** {@code VARIABLE: problem}, the line start-up prints. */
  public String line() {
    return variable + ": " + problem;
  }
}
