package dev.rei.adapters.providers.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KlingSettingsTest {

  private static final KlingCredentials KEY = KlingCredentials.of("AkAccessKey00000000", "SkSecretKey000000000000");

  @Test
  void theDefaults_pointAtTheSingaporeApi_withTheSeedsModelsUnderTheirApiIds() {
    KlingSettings settings = KlingSettings.of(List.of(KEY));

    assertThat(settings.baseUrl()).isEqualTo("https://api-singapore.klingai.com/");
    assertThat(settings.models()).containsExactly(new KlingModel("kling-v3", "Kling 3.0"),
        new KlingModel("kling-v2-6", "Kling 2.6"));
    assertThat(settings.mode()).isEqualTo("std");
    assertThat(settings.publicMediaUrl("any")).isEmpty();
  }

  @Test
  void kLingModels_acceptTheSeedsSpelling_andMapItToTheApisIds() {
    assertThat(KlingModel.parseAll("kling-3.0:Kling 3.0,kling-2.6:Kling 2.6,kling-1.5:Kling 1.5"))
        .containsExactly(new KlingModel("kling-v3", "Kling 3.0"), new KlingModel("kling-v2-6", "Kling 2.6"),
            new KlingModel("kling-v1-5", "Kling 1.5"));
    assertThat(KlingModel.parseAll(" kling-v2-5-turbo : Turbo , kling-video-o1"))
        .containsExactly(new KlingModel("kling-v2-5-turbo", "Turbo"),
            new KlingModel("kling-video-o1", "kling-video-o1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " , ", "kling-v3:A,kling-3.0:B", "Kling V3!:Name", "kling-v3:nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"})
  void badModelLists_areRefused_withAClearMessage(String text) {
    assertThatThrownBy(() -> KlingModel.parseAll(text)).isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("kling"));
  }

  @Test
  void noSecret_everAppearsInToString_orInAnErrorAboutIt() {
    KlingSettings settings = KlingSettings.of(List.of(KEY, KlingCredentials.of("AkSecondKey0000000", "SkSecond000000000")));

    assertThat(settings.toString()).doesNotContain("AkAccessKey").doesNotContain("SkSecretKey")
        .contains("2 (hidden)");
    assertThat(KEY.toString()).doesNotContain("AkAccessKey").doesNotContain("SkSecretKey");
    assertThatThrownBy(() -> KlingCredentials.of("AkAccessKey00000000", "has a space in it"))
        .hasMessageNotContaining("has a space");
  }

  @Test
  void theCredentials_keepTheirOwnCopyOfTheSecret() {
    char[] secret = "SkSecretKey000000000000".toCharArray();
    KlingCredentials credentials = new KlingCredentials("AkAccessKey00000000", secret);
    java.util.Arrays.fill(secret, 'x');

    assertThat(credentials.secretKey()).isEqualTo("SkSecretKey000000000000".toCharArray());
    assertThat(credentials).isEqualTo(KEY);
  }

  @Test
  void badSettings_areRefused() {
    assertThatThrownBy(() -> KlingSettings.of(List.of())).hasMessageContaining("key pairs");
    assertThatThrownBy(() -> KlingSettings.of(List.of(KEY)).withBaseUrl("ftp://kling")).hasMessageContaining("URL");
    assertThatThrownBy(() -> KlingSettings.of(List.of(KEY)).withMode("turbo")).hasMessageContaining("std or pro");
    assertThatThrownBy(() -> KlingSettings.of(List.of(KEY)).withPollInterval(Duration.ZERO))
        .hasMessageContaining("poll interval");
    assertThat(KlingSettings.of(List.of(KEY)).withBaseUrl("http://127.0.0.1:9000").baseUrl())
        .isEqualTo("http://127.0.0.1:9000/");
  }

  @Test
  void progress_startsAt1_rises_andNeverPasses95() {
    Duration typical = Duration.ofMinutes(4);
    int previous = 0;
    for (int seconds = 0; seconds <= 3600; seconds += 10) {
      int estimate = KlingProgress.estimate(Duration.ofSeconds(seconds), typical);
      assertThat(estimate).isBetween(1, 95).isGreaterThanOrEqualTo(previous);
      previous = estimate;
    }
    assertThat(KlingProgress.estimate(Duration.ZERO, typical)).isEqualTo(1);
    assertThat(KlingProgress.estimate(Duration.ofSeconds(-30), typical)).isEqualTo(1);
    assertThat(KlingProgress.estimate(typical, typical)).isEqualTo(82);
    assertThat(previous).isEqualTo(95);
  }
}
