package dev.rei.application.port.in.payment;

/** The user's "check payment" button: asks the rail now instead of waiting for its notification. */
public interface CheckPaymentUseCase {

  CheckPaymentResult check(CheckPaymentCommand command);
}
