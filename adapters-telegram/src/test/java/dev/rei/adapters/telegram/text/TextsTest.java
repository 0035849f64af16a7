package dev.rei.adapters.telegram.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.Language;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TextsTest {

  private static final Pattern ARGUMENT = Pattern.compile("\\{([a-zA-Z]+)");
  private final Texts texts = Texts.load();

  @Test
  void givenBothCatalogues_whenCompared_thenEveryKeyExistsInBoth() {
    assertThat(texts.keys(Language.EN)).isEqualTo(texts.keys(Language.RU));
    assertThat(texts.keys(Language.RU)).hasSizeGreaterThan(80);
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void givenEveryPattern_whenFormattedWithItsArguments_thenFormatsWithoutLeftovers(Language language) {
    for (String key : texts.keys(language)) {
      String pattern = texts.pattern(language, key);
      Map<String, Object> arguments = new HashMap<>();
      Matcher matcher = ARGUMENT.matcher(pattern);
      while (matcher.find()) {
        arguments.put(matcher.group(1), 5);
      }
      assertThatCode(() -> texts.format(language, key, arguments)).as(key).doesNotThrowAnyException();
      String text = texts.format(language, key, arguments);
      assertThat(text).as(key).doesNotContain("{").doesNotContain("}");
      if (!key.equals("job.failed.support") && !key.startsWith("button.")) {
        assertThat(text).as(key).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 1 кредит", "2, 2 кредита", "5, 5 кредитов", "11, 11 кредитов", "21, 21 кредит", "22, 22 кредита",
      "0, 0 кредитов", "111, 111 кредитов"})
  void givenRussian_whenCreditsFormatted_thenPluralFormFollowsTheNumber(long amount, String expected) {
    assertThat(texts.credits(Language.RU, amount)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"1, 1 credit", "2, 2 credits", "5, 5 credits", "21, 21 credits"})
  void givenEnglish_whenCreditsFormatted_thenOneOrMany(long amount, String expected) {
    assertThat(texts.credits(Language.EN, amount)).isEqualTo(expected);
  }

  @Test
  void givenCreditsArgument_whenFormatted_thenWrittenInWords() {
    assertThat(texts.text(Language.RU, "job.cancelled", "price", Credits.of(21))).contains("21 кредит вернули");
    assertThat(texts.text(Language.EN, "job.cancelled", "price", Credits.of(1))).contains("1 credit returned");
  }

  @Test
  void givenOrderOfSeveral_whenStatusFormatted_thenCountShownOnlyAboveOne() {
    assertThat(texts.text(Language.RU, "status.placed", "kind", "Reels-видео", "count", 3, "total", "3 кредита"))
        .startsWith("🕐 Заказ принят: Reels-видео × 3");
    assertThat(texts.text(Language.RU, "status.placed", "kind", "Генерация", "count", 1, "total", "x"))
        .startsWith("🕐 Заказ принят: Генерация\n");
  }
}
