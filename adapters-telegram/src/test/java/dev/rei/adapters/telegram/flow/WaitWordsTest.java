package dev.rei.adapters.telegram.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.telegram.text.Texts;
import dev.rei.domain.user.Language;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaitWordsTest {

  private static final Texts TEXTS = Texts.load();

  @ParameterizedTest
  @CsvSource({
      "0, RU, 1 минуту",
      "30, RU, 1 минуту",
      "61, RU, 2 минуты",
      "300, RU, 5 минут",
      "5400, RU, 90 минут",
      "5401, RU, 2 часа",
      "86400, RU, 24 часа",
      "18000, RU, 5 часов",
      "3600, EN, 60 minutes",
      "86400, EN, 24 hours",
      "-5, EN, 1 minute"})
  void givenTimeLeft_whenWorded_thenMinutesUpToAnHourAndAHalfThenHours(long seconds, Language language,
      String expected) {
    assertThat(WaitWords.of(TEXTS, language, Duration.ofSeconds(seconds))).isEqualTo(expected);
  }
}
