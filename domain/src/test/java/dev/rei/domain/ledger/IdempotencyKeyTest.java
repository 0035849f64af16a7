package dev.rei.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

  @Test
  void givenNullPart_of_isRejectedRatherThanPrintedAsNull() {
    assertThatThrownBy(() -> IdempotencyKey.of("job", (Object) null, "capture"))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenPrintableAscii_of_keepsTheValue() {
    assertThat(IdempotencyKey.of("payment:1f3c").value()).isEqualTo("payment:1f3c");
    assertThat(IdempotencyKey.of("x")).hasToString("x");
    assertThat(IdempotencyKey.of("!~")).isEqualTo(new IdempotencyKey("!~"));
  }

  @Test
  void givenLengthOneAndTwoHundred_of_accepts() {
    assertThat(IdempotencyKey.of("a").value()).hasSize(1);
    assertThat(IdempotencyKey.of("k".repeat(IdempotencyKey.MAX_LENGTH)).value()).hasSize(200);
  }

  @Test
  void givenEmptyNullOrTooLong_of_isRejected() {
    assertThatThrownBy(() -> IdempotencyKey.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdempotencyKey(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IdempotencyKey.of("k".repeat(201))).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"job 1", " job", "job\t1", "job\n", "job\u0000", "job\u007f", "jöb", "job\u00a0", "ключ", "job🙂"})
  void givenSpaceControlOrNonAscii_of_isRejected(String value) {
    assertThatThrownBy(() -> IdempotencyKey.of(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenParts_of_joinsThemWithColons() {
    UUID job = UUID.fromString("9a2e0000-0000-0000-0000-000000000001");

    assertThat(IdempotencyKey.of("job", job, "capture").value())
        .isEqualTo("job:9a2e0000-0000-0000-0000-000000000001:capture");
    assertThat(IdempotencyKey.of("payment", 42L).value()).isEqualTo("payment:42");
    assertThat(IdempotencyKey.of("single").value()).isEqualTo("single");
    assertThat(IdempotencyKey.of("first", new Object[0]).value()).isEqualTo("first");
  }

  @Test
  void givenPartsMakingAnInvalidKey_of_isRejected() {
    assertThatThrownBy(() -> IdempotencyKey.of("job", "with space")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IdempotencyKey.of("job", "x".repeat(200))).isInstanceOf(IllegalArgumentException.class);
  }
}
