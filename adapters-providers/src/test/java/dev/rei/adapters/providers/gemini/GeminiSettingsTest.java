package dev.rei.adapters.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiSettingsTest {

  private static final String KEY = "AIzaSyD-a-perfectly-fine-looking-key-123";

  @Test
  void of_usesTheDefaults_andTheBaseUrlEndsWithASlash() {
    GeminiSettings settings = GeminiSettings.of(List.of(KEY));

    assertThat(settings.baseUrl()).isEqualTo("https://generativelanguage.googleapis.com/");
    assertThat(settings.model()).isEqualTo("gemini-3-pro-image-preview");
    assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(250));
    assertThat(new GeminiSettings("http://127.0.0.1:8080/proxy", "m", List.of(KEY), Duration.ofSeconds(1),
        Duration.ofSeconds(1)).baseUrl()).isEqualTo("http://127.0.0.1:8080/proxy/");
  }

  @Test
  void toString_hidesTheKeys() {
    assertThat(GeminiSettings.of(List.of(KEY, KEY + "2")).toString()).doesNotContain(KEY).contains("2 (hidden)");
  }

  @Test
  void givenBadKeys_itRefuses_withoutQuotingThem() {
    for (List<String> keys : List.of(List.<String>of(), Arrays.asList(KEY, null), List.of(""), List.of("\"" + KEY + "\""
        .replace("\"", " ")), List.of(KEY + " "), List.of("ключ-" + KEY))) {
      assertThatThrownBy(() -> GeminiSettings.of(keys)).isInstanceOf(RuntimeException.class)
          .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(KEY));
    }
  }

  @Test
  void givenBadUrlModelOrTimeouts_itRefusesClearly() {
    assertThatThrownBy(() -> new GeminiSettings("ftp://example.com/", "m", List.of(KEY), Duration.ofSeconds(1),
        Duration.ofSeconds(1))).hasMessageContaining("base URL");
    assertThatThrownBy(() -> new GeminiSettings("https://u:p@example.com/", "m", List.of(KEY), Duration.ofSeconds(1),
        Duration.ofSeconds(1))).hasMessageContaining("base URL");
    assertThatThrownBy(() -> new GeminiSettings("not a url", "m", List.of(KEY), Duration.ofSeconds(1),
        Duration.ofSeconds(1))).hasMessageContaining("base URL");
    assertThatThrownBy(() -> new GeminiSettings(GeminiSettings.DEFAULT_BASE_URL, "../other:generateContent",
        List.of(KEY), Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("model");
    assertThatThrownBy(() -> new GeminiSettings(GeminiSettings.DEFAULT_BASE_URL, "m", List.of(KEY), Duration.ZERO,
        Duration.ofSeconds(1))).hasMessageContaining("connect timeout");
    assertThatThrownBy(() -> new GeminiSettings(GeminiSettings.DEFAULT_BASE_URL, "m", List.of(KEY),
        Duration.ofSeconds(1), Duration.ofHours(2))).hasMessageContaining("read timeout");
  }
}
