package dev.rei.bootstrap.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one health check: up or down, why when down, and details for the operator (a
 * map of numbers, strings and nested maps, written as JSON fields beside the status).
 */
public record Health(boolean up, Optional<String> problem, Map<String, Object> details) {

  public Health {
    Objects.requireNonNull(problem, "problem");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public Health(boolean up, Optional<String> problem) {
    this(up, problem, Map.of());
  }

  public static Health healthy() {
    return new Health(true, Optional.empty());
  }

  public static Health down(String problem) {
    return new Health(false, Optional.of(problem));
  }

  /** This health with {@code details} added to the JSON. */
  public Health withDetails(Map<String, ?> more) {
    Map<String, Object> all = new LinkedHashMap<>(details);
    all.putAll(more);
    return new Health(up, problem, all);
  }

  String json() {
    StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append('"');
    problem.ifPresent(p -> json.append(",\"error\":").append(Json.string(p)));
    details.forEach((name, value) -> json.append(',').append(Json.string(name)).append(':').append(Json.value(value)));
    return json.append('}').toString();
  }
}
