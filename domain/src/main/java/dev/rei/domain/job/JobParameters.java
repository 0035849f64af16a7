package dev.rei.domain.job;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the provider needs to know (prompt, model, duration, input file references…), as named
 * text values. Keys are lower-case identifiers; at most 32 entries of at most 10,000 characters.
 */
public record JobParameters(Map<String, String> values) {

  public static final JobParameters NONE = new JobParameters(Map.of());
  public static final int MAX_ENTRIES = 32;
  public static final int MAX_VALUE_LENGTH = 10_000;
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  public JobParameters {
    Objects.requireNonNull(values, "values");
    if (values.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("at most " + MAX_ENTRIES + " parameters, got " + values.size());
    }
    for (Map.Entry<String, String> entry : values.entrySet()) {
      if (entry.getKey() == null || !KEY.matcher(entry.getKey()).matches()) {
        throw new IllegalArgumentException("parameter name must be a lower-case identifier: " + entry.getKey());
      }
      if (entry.getValue() == null || entry.getValue().length() > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException("parameter " + entry.getKey() + " must have at most "
            + MAX_VALUE_LENGTH + " characters");
      }
    }
    // Sorted, so equal parameters print and store alike.
    values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public static JobParameters of(Map<String, String> values) {
    return new JobParameters(values);
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public JobParameters with(String name, String value) {
    Map<String, String> next = new TreeMap<>(values);
    next.put(name, value);
    return new JobParameters(next);
  }
}
