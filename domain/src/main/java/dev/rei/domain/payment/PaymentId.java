package dev.rei.domain.payment;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Our id of a payment: the invoice payload, the gateway's order id and the ledger key all carry it. */
public record PaymentId(UUID value) {

  // UUID.fromString alone also reads signs, non-ASCII digits and dashes in other places.
  private static final Pattern CANONICAL =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public PaymentId {
    Objects.requireNonNull(value, "value");
  }

  public static PaymentId of(UUID value) {
    return new PaymentId(value);
  }

  /** Parses untrusted text (a webhook field, an invoice payload); refuses anything not a UUID. */
  public static PaymentId parse(String text) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      throw new IllegalArgumentException("not a payment id: " + text);
    }
    return new PaymentId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
