package dev.rei.adapters.payments.yookassa;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 54-FZ receipt YooKassa registers with each payment and refund, when the shop uses "Чеки от
 * ЮKassa" or a connected cash register. The customer is the configured e-mail (the bot does not ask
 * users for one); which subject and mode fit a credits pack is the accountant's call. Environment
 * (read by bootstrap; a receipt is sent only when {@code YOOKASSA_RECEIPT_EMAIL} is set): {@code
 * YOOKASSA_RECEIPT_EMAIL}, {@code YOOKASSA_VAT_CODE} (1..12, default 1 = без НДС), {@code
 * YOOKASSA_RECEIPT_PAYMENT_SUBJECT} (default {@code service}), {@code YOOKASSA_RECEIPT_PAYMENT_MODE}
 * (default {@code full_payment}) and {@code YOOKASSA_TAX_SYSTEM_CODE} (1..6, optional).
 */
public record YooKassaReceipt(
    String email, int vatCode, String paymentSubject, String paymentMode, Optional<Integer> taxSystemCode) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,63}");
  private static final Pattern WORD = Pattern.compile("[a-z_]{1,40}");

  public YooKassaReceipt {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(paymentSubject, "paymentSubject");
    Objects.requireNonNull(paymentMode, "paymentMode");
    Objects.requireNonNull(taxSystemCode, "taxSystemCode");
    email = email.strip();
    if (!EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("YOOKASSA_RECEIPT_EMAIL is not an e-mail address");
    }
    if (vatCode < 1 || vatCode > 12) {
      throw new IllegalArgumentException("YOOKASSA_VAT_CODE must be 1..12, was " + vatCode);
    }
    if (!WORD.matcher(paymentSubject).matches() || !WORD.matcher(paymentMode).matches()) {
      throw new IllegalArgumentException("receipt payment subject and mode are YooKassa words such as service, "
          + "full_payment");
    }
    if (taxSystemCode.isPresent() && (taxSystemCode.get() < 1 || taxSystemCode.get() > 6)) {
      throw new IllegalArgumentException("YOOKASSA_TAX_SYSTEM_CODE must be 1..6, was " + taxSystemCode.get());
    }
  }

  /** A receipt to {@code email} with {@code vatCode}, for a service paid in full. */
  public static YooKassaReceipt of(String email, int vatCode) {
    return new YooKassaReceipt(email, vatCode, "service", "full_payment", Optional.empty());
  }
}
