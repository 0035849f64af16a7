package dev.rei.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

  @ParameterizedTest
  @ValueSource(strings = {"en", "en-US", "EN", "en-GB", "En-us", " en "})
  void givenAnyEnglishCode_fromTelegramCode_isEnglish(String code) {
    assertThat(Language.fromTelegramCode(code)).isEqualTo(Language.EN);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ru", "ru-RU", "RU", "de", "uk", "be", "kk", "es-419", "eng", "enx", "-en", "e", " "})
  void givenAnythingElse_fromTelegramCode_isRussian(String code) {
    assertThat(Language.fromTelegramCode(code)).isEqualTo(Language.RU);
  }

  @Test
  void givenLanguages_code_isTheTwoLetterCode() {
    assertThat(Language.RU.code()).isEqualTo("ru");
    assertThat(Language.EN.code()).isEqualTo("en");
  }
}
