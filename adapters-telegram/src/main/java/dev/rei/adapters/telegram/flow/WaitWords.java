package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.text.Texts;
import dev.rei.domain.user.Language;
import java.time.Duration;

/**
 * How long until a block ends, in words for "try again in …": whole minutes (at least one) up to
 * an hour and a half, whole hours beyond, so a repeat violator reads "24 hours", not "1440 minutes".
 */
final class WaitWords {

  private static final long MAX_MINUTES = 90;

  private WaitWords() {}

  static String of(Texts texts, Language language, Duration left) {
    long seconds = Math.max(0, left.getSeconds());
    long minutes = Math.max(1, (seconds + 59) / 60);
    if (minutes <= MAX_MINUTES) {
      return texts.text(language, "minutes", "n", minutes);
    }
    return texts.text(language, "hours", "n", (minutes + 59) / 60);
  }
}
