package dev.rei.application.port.in.payment;

import dev.rei.application.port.in.admin.AdminResult;

/**
 * An operator refunds a succeeded payment: the rail returns the money and the payment's credits
 * are taken back, audited; refused while the user no longer has those credits.
 */
public interface RefundPaymentUseCase {

  AdminResult refund(RefundPaymentCommand command);
}
