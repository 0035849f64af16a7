package dev.rei.adapters.payments.heleket;

import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * Heleket's invoice statuses and what each means for us. Only {@code paid} and {@code paid_over}
 * buy credits; {@code wrong_amount} is final but underpaid; {@code locked} (AML hold) and the
 * refund statuses need a person and change nothing here.
 */
enum HeleketStatus {
  PAID("paid", true, ReportedStatus.SUCCEEDED),
  PAID_OVER("paid_over", true, ReportedStatus.SUCCEEDED),
  WRONG_AMOUNT("wrong_amount", true, ReportedStatus.SUCCEEDED),
  WRONG_AMOUNT_WAITING("wrong_amount_waiting", false, ReportedStatus.PENDING),
  CHECK("check", false, ReportedStatus.PENDING),
  CONFIRM_CHECK("confirm_check", false, ReportedStatus.PENDING),
  PROCESS("process", false, ReportedStatus.PENDING),
  FAIL("fail", true, ReportedStatus.CANCELED),
  CANCEL("cancel", true, ReportedStatus.CANCELED),
  SYSTEM_FAIL("system_fail", true, ReportedStatus.CANCELED),
  LOCKED("locked", true, ReportedStatus.PENDING),
  REFUND_PROCESS("refund_process", false, ReportedStatus.PENDING),
  REFUND_PAID("refund_paid", true, ReportedStatus.PENDING),
  REFUND_FAIL("refund_fail", true, ReportedStatus.PENDING);

  private final String wire;
  private final boolean fin;
  private final ReportedStatus reported;

  HeleketStatus(String wire, boolean fin, ReportedStatus reported) {
    this.wire = wire;
    this.fin = fin;
    this.reported = reported;
  }

  static Optional<HeleketStatus> parse(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (HeleketStatus status : values()) {
      if (status.wire.equals(wanted)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  String wire() {
    return wire;
  }

  boolean isFinal() {
    return fin;
  }

  /**
   * What we report to the core. {@code wrong_amount} is reported as a payment of the (smaller)
   * amount actually paid, which the core refuses as an amount mismatch and alerts admins about.
   */
  ReportedStatus reported() {
    return reported;
  }
}
