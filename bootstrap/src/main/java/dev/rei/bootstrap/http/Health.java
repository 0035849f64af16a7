package dev.rei.bootstrap.http;

import java.util.Objects;
import java.util.Optional;

/** The result of one health check: up or down, and why when down. */
public record Health(boolean up, Optional<String> problem) {

  public Health {
    Objects.requireNonNull(problem, "problem");
  }

  public static Health healthy() {
    return new Health(true, Optional.empty());
  }

  public static Health down(String problem) {
    return new Health(false, Optional.of(problem));
  }

  String json() {
    return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\""
        + problem.map(p -> ",\"error\":" + Json.string(p)).orElse("") + "}";
  }
}
