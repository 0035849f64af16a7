package dev.rei.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentIdTest {

  @Test
  void givenCanonicalUuid_parse_roundTrips() {
    UUID uuid = UUID.fromString("5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");

    PaymentId id = PaymentId.parse("5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");

    assertThat(id).isEqualTo(PaymentId.of(uuid));
    assertThat(id).hasToString("5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
    assertThat(PaymentId.parse(id.toString())).isEqualTo(id);
  }

  @Test
  void givenUpperCaseUuid_parse_namesTheSamePayment() {
    assertThat(PaymentId.parse("5F0C1D2E-3B4A-4C5D-8E6F-7A8B9C0D1E2F"))
        .isEqualTo(PaymentId.parse("5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "not-a-uuid",
      "5f0c1d2e3b4a4c5d8e6f7a8b9c0d1e2f", // no dashes
      "5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2", // one digit short
      "5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f0", // one digit too many
      " 5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2", // padded to 36
      "5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2g", // not hex
      "5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f'; DROP TABLE payments;--",
      "5f0c1d2e_3b4a_4c5d_8e6f_7a8b9c0d1e2f", // wrong separators
      "+f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f", // UUID.fromString reads the sign
      "٥f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f", // an Arabic-Indic five: UUID.fromString reads it as 5
      "1-2-3-4-0000000000000000000000000005", // 36 characters, dashes elsewhere
      "5f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d\u0000e2f",
  })
  void givenTextThatIsNotACanonicalUuid_parse_isRefused(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> PaymentId.parse(text));
  }

  @Test
  void givenNullUuid_construction_isRefused() {
    assertThatThrownBy(() -> PaymentId.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenOneToTwoHundredCharacters_providerPaymentId_isAccepted() {
    assertThat(new ProviderPaymentId("x").value()).isEqualTo("x");
    assertThat(new ProviderPaymentId("y".repeat(200)).value()).hasSize(200);
    assertThat(new ProviderPaymentId("2d9c3f1a-000f-5000-a000-1b2c3d4e5f60")).hasToString("2d9c3f1a-000f-5000-a000-1b2c3d4e5f60");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void givenBlankProviderPaymentId_construction_isRefused(String value) {
    assertThatIllegalArgumentException().isThrownBy(() -> new ProviderPaymentId(value));
  }

  @Test
  void givenTooLongProviderPaymentId_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ProviderPaymentId("y".repeat(201)));
  }
}
