package dev.rei.adapters.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.providers.ReelsJobParameters.Reading;
import dev.rei.adapters.providers.ReelsJobParameters.Template;
import dev.rei.domain.job.JobKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading what the Telegram adapter wrote into a Reels job. */
class ReelsJobParametersTest {

  private static final String PHOTO = "0123456789abcdef0123456789abcdef";

  private static Reading read(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>(Map.of("input_media", PHOTO, "template", "ugc", "product",
        "  Ортопедическая подушка  "));
    values.putAll(overrides);
    values.values().removeIf(v -> v == null || v.equals("<none>"));
    return ReelsJobParameters.read(TestJobs.running(JobKind.REELS_VIDEO, values));
  }

  private static ReelsJobParameters valid(Map<String, String> overrides) {
    Reading reading = read(overrides);
    assertThat(reading).isInstanceOf(Reading.Valid.class);
    return ((Reading.Valid) reading).parameters();
  }

  private static String invalid(Map<String, String> overrides) {
    Reading reading = read(overrides);
    assertThat(reading).isInstanceOf(Reading.Invalid.class);
    return ((Reading.Invalid) reading).reason();
  }

  @Test
  void givenAUgcJob_theValuesAreRead_stripped_withRussianByDefault() {
    ReelsJobParameters parameters = valid(Map.of("wishes", " Добавь музыку ", "template", " UGC "));

    assertThat(parameters).isEqualTo(new ReelsJobParameters(PHOTO, Template.UGC, Optional.of("Ортопедическая подушка"),
        Optional.of("Добавь музыку"), Optional.empty(), "ru"));
  }

  @Test
  void givenAnAdJob_inEnglish_theLanguageIsKept() {
    ReelsJobParameters parameters = valid(Map.of("template", "ad", "language", "EN"));

    assertThat(parameters.template()).isEqualTo(Template.AD);
    assertThat(parameters.language()).isEqualTo("en");
    assertThat(parameters.template().isScripted()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", "нет", "Нет", " - ", "—"})
  void givenADashOrNo_asWishes_thereAreNone(String wishes) {
    assertThat(valid(Map.of("wishes", wishes)).wishes()).isEmpty();
  }

  @Test
  void givenTheOwnTemplate_thePromptIsRequired_andTheProductIsNot() {
    ReelsJobParameters parameters = valid(Map.of("template", "own", "product", "<none>", "prompt", " my prompt "));

    assertThat(parameters.prompt()).contains("my prompt");
    assertThat(parameters.product()).isEmpty();
    assertThat(parameters.template().isScripted()).isFalse();
    assertThat(invalid(Map.of("template", "own", "prompt", "  "))).contains("own-prompt");
  }

  @Test
  void givenAPromptOnAScriptedTemplate_itIsIgnored() {
    assertThat(valid(Map.of("prompt", "left over")).prompt()).isEmpty();
  }

  @Test
  void givenMissingOrBadValues_theJobIsInvalid_withAReason() {
    assertThat(invalid(Map.of("input_media", "<none>"))).contains("no product photo");
    assertThat(invalid(Map.of("input_media", "a,b"))).contains("single media key");
    assertThat(invalid(Map.of("input_media", "https://api.telegram.org/file/bot1:x/a.jpg"))).contains("single media key");
    assertThat(invalid(Map.of("template", "<none>"))).contains("no template");
    assertThat(invalid(Map.of("template", "tiktok\u0007"))).contains("unknown template \"tiktok?\"");
    assertThat(invalid(Map.of("product", " "))).contains("product description");
    assertThat(invalid(Map.of("template", "ad", "product", "<none>"))).contains("ad template");
    assertThat(invalid(Map.of("language", "русский"))).contains("unsupported language");
  }
}
