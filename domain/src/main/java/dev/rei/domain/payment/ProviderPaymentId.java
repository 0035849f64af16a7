package dev.rei.domain.payment;

/** The rail's own id of a payment (YooKassa payment id, Heleket uuid, Telegram charge id). */
public record ProviderPaymentId(String value) {

  public ProviderPaymentId {
    if (value == null || value.isBlank() || value.length() > 200) {
      throw new IllegalArgumentException("provider payment id must have 1..200 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
