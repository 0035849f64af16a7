package dev.rei.domain.payment;

/** A payment move its state does not allow, such as refunding a pending payment. */
public final class IllegalPaymentTransitionException extends IllegalStateException {

  public IllegalPaymentTransitionException(String message) {
    super(message);
  }
}
