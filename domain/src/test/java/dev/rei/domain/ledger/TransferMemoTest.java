package dev.rei.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransferMemoTest {

  @Test
  void givenReference_of_hasAnEmptyNote() {
    TransferMemo memo = TransferMemo.of(ReferenceType.JOB, 42L);

    assertThat(memo.referenceType()).isEqualTo(ReferenceType.JOB);
    assertThat(memo.referenceId()).isEqualTo("42");
    assertThat(memo.note()).isEmpty();
  }

  @Test
  void givenNote_withNote_keepsTheReference() {
    TransferMemo memo = TransferMemo.of(ReferenceType.ADMIN_ACTION, "a-1").withNote("refund for a broken video");

    assertThat(memo).isEqualTo(new TransferMemo(ReferenceType.ADMIN_ACTION, "a-1", "refund for a broken video"));
  }

  @Test
  void givenLimits_constructor_acceptsBoundaryLengths() {
    TransferMemo memo = new TransferMemo(ReferenceType.PAYMENT, "r".repeat(100), "n".repeat(500));

    assertThat(memo.referenceId()).hasSize(TransferMemo.MAX_REFERENCE_LENGTH);
    assertThat(memo.note()).hasSize(TransferMemo.MAX_NOTE_LENGTH);
  }

  @Test
  void givenBlankOrTooLongReference_constructor_isRejected() {
    assertThatThrownBy(() -> new TransferMemo(ReferenceType.JOB, "", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransferMemo(ReferenceType.JOB, "  ", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TransferMemo(ReferenceType.JOB, "r".repeat(101), ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenTooLongNote_withNote_isRejected() {
    TransferMemo memo = TransferMemo.of(ReferenceType.ADMIN_ACTION, "a-1");

    assertThatThrownBy(() -> memo.withNote("n".repeat(501))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNulls_constructor_isRejected() {
    assertThatThrownBy(() -> new TransferMemo(null, "1", "")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferMemo(ReferenceType.JOB, null, "")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransferMemo(ReferenceType.JOB, "1", null)).isInstanceOf(NullPointerException.class);
  }
}
