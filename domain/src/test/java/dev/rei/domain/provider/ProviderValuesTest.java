package dev.rei.domain.provider;

import static dev.rei.domain.fixtures.KeyPoolFixtures.KIE;
import static dev.rei.domain.fixtures.KeyPoolFixtures.T0;
import static dev.rei.domain.fixtures.KeyPoolFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The value types of the provider package check themselves and never print a secret. */
class ProviderValuesTest {

  @Test
  void givenKeyId_toString_isProviderHashIndex() {
    assertThat(new KeyId(KIE, 1)).hasToString("kie#1");
    assertThat(new KeyId(ProviderName.of("gemini"), 0)).hasToString("gemini#0");
  }

  @Test
  void givenNegativeIndexOrNoProvider_keyId_throws() {
    assertThatThrownBy(() -> new KeyId(KIE, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyId(null, 0)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kie", "kling", "openai", "gemini-2", "a", "a234567890123456789012345678901234567890"})
  void givenValidName_providerName_accepts(String name) {
    assertThat(ProviderName.of(name)).hasToString(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Kie", "2kie", "-kie", "kie_ai", "kie ai", "a2345678901234567890123456789012345678901"})
  void givenInvalidName_providerName_throws(String name) {
    assertThatThrownBy(() -> ProviderName.of(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNullName_providerName_throws() {
    assertThatThrownBy(() -> ProviderName.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenBlock_isActiveAt_untilItsEndExclusive() {
    KeyBlock block = new KeyBlock(KeyEffect.COOL_DOWN, T0);

    assertThat(block.isActiveAt(T0.minusMillis(1))).isTrue();
    assertThat(block.isActiveAt(T0)).isFalse();
    assertThatThrownBy(() -> new KeyBlock(KeyEffect.NONE, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cause");
    assertThatThrownBy(() -> new KeyBlock(null, T0)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new KeyBlock(KeyEffect.BLOCK, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenKeyHealth_usableFrom_isNowWhenHealthyElseTheBlockEnd() {
    KeyHealth healthy = KeyHealth.healthy(key(0));
    KeyHealth blocked = new KeyHealth(key(1), Optional.of(new KeyBlock(KeyEffect.BLOCK, T0.plusSeconds(60))));

    assertThat(healthy.isHealthyAt(T0)).isTrue();
    assertThat(healthy.usableFrom(T0)).isEqualTo(T0);
    assertThat(blocked.isHealthyAt(T0)).isFalse();
    assertThat(blocked.usableFrom(T0)).isEqualTo(T0.plusSeconds(60));
    assertThat(blocked.isHealthyAt(T0.plusSeconds(60))).isTrue();
    assertThat(blocked.usableFrom(T0.plusSeconds(61))).isEqualTo(T0.plusSeconds(61));
    assertThatThrownBy(() -> new KeyHealth(null, Optional.empty())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new KeyHealth(key(0), null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenDefaultPolicy_durations_matchDesign() {
    assertThat(KeyPoolPolicy.DEFAULT.coolDown()).isEqualTo(Duration.ofMinutes(60));
    assertThat(KeyPoolPolicy.DEFAULT.billingBlock()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void givenNonPositiveDurations_policy_throws() {
    Duration hour = Duration.ofHours(1);

    assertThatThrownBy(() -> new KeyPoolPolicy(Duration.ZERO, hour)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyPoolPolicy(hour, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyPoolPolicy(Duration.ofSeconds(-1), hour))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyPoolPolicy(hour, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyPoolPolicy(null, hour)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new KeyPoolPolicy(hour, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenSelection_key_isRequired() {
    assertThat(new KeySelection(key(0), true).allBlocked()).isTrue();
    assertThatThrownBy(() -> new KeySelection(null, false)).isInstanceOf(NullPointerException.class);
  }
}
