package dev.rei.adapters.providers.simulated;

import dev.rei.domain.job.FailureClass;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request, written into the prompt, to fail on purpose: {@code #fail:<class>} fails every
 * attempt with that {@link FailureClass} (any of its names, any case, '-' for '_'); {@code
 * #fail:<class>:once} fails only the first attempt and {@code #fail:<class>:<n>} the first n, so
 * the retry after them succeeds. A marker naming no failure class is ordinary prompt text.
 *
 * @param failingAttempts how many attempts fail, counted from the first; 0 means all
 */
record FailMarker(FailureClass failureClass, int failingAttempts, String text) {

  private static final Pattern MARKER =
      Pattern.compile("#fail:([a-z_-]+)(?::(once|always|\\d{1,3}))?", Pattern.CASE_INSENSITIVE);

  /** The first marker in {@code prompt} that names a failure class. */
  static Optional<FailMarker> find(String prompt) {
    Matcher matcher = MARKER.matcher(prompt);
    while (matcher.find()) {
      String name = matcher.group(1).toUpperCase(Locale.ROOT).replace('-', '_');
      for (FailureClass failureClass : FailureClass.values()) {
        if (failureClass.name().equals(name)) {
          return Optional.of(new FailMarker(failureClass, attempts(matcher.group(2)), matcher.group()));
        }
      }
    }
    return Optional.empty();
  }

  private static int attempts(String count) {
    if (count == null || count.equalsIgnoreCase("always")) {
      return 0;
    }
    return count.equalsIgnoreCase("once") ? 1 : Integer.parseInt(count);
  }

  /** Whether attempt number {@code attempt} (1 for the first) fails. */
  boolean failsAttempt(int attempt) {
    return failingAttempts == 0 || attempt <= failingAttempts;
  }
}
