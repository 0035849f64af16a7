package dev.rei.adapters.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.adapters.payments.yookassa.YooKassaSettings;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void givenSecret_whenPrinted_thenMasked() {
    Secret secret = Secret.of("live_abcdefghijklmnop", "YOOKASSA_SECRET_KEY");
    YooKassaSettings settings = YooKassaSettings.of("123456", secret, Secret.of("webhook-secret-0123456789", "s"),
        "https://t.me/rei_bot");

    assertThat(secret.toString()).isEqualTo("****");
    assertThat(settings.toString()).doesNotContain("live_abcdefghijklmnop").doesNotContain("webhook-secret-0123456789");
  }

  @Test
  void givenCandidate_whenMatched_thenOnlyTheExactTextMatches() {
    Secret secret = Secret.of("abc123", "x");

    assertThat(secret.matches("abc123")).isTrue();
    assertThat(secret.matches("abc124")).isFalse();
    assertThat(secret.matches("abc12")).isFalse();
    assertThat(secret.matches(null)).isFalse();
  }

  @Test
  void givenBlankOrQuotedValue_whenCreated_thenRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> Secret.of(" ", "HELEKET_API_KEY")).hasMessageContaining("HELEKET_API_KEY");
    assertThatThrownBy(() -> Secret.of("\"key with spaces\"", "HELEKET_API_KEY"))
        .hasMessageNotContaining("key with spaces");
  }
}
