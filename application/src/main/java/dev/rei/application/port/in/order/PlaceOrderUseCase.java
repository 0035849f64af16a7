package dev.rei.application.port.in.order;

/**
 * Places a confirmed order in one transaction: a hold and a job per item, or nothing at all. The
 * same idempotency key again returns the same order.
 */
public interface PlaceOrderUseCase {

  PlaceOrderResult placeOrder(PlaceOrderCommand command);
}
