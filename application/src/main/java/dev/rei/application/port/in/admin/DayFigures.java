package dev.rei.application.port.in.admin;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One UTC day of the dashboard's chart: jobs created, and minor units paid per currency code. */
public record DayFigures(LocalDate day, long jobs, Map<String, Long> revenue) {

  public DayFigures {
    Objects.requireNonNull(day, "day");
    if (jobs < 0) {
      throw new IllegalArgumentException("a day cannot have fewer than no jobs");
    }
    revenue = Collections.unmodifiableMap(new TreeMap<>(revenue));
  }
}
