package dev.rei.adapters.telegram.inbox;

/**
 * Decides pre-checkout queries on the fast path, straight from the poller: Telegram cancels the
 * payment unless it is answered within 10 seconds, so it never waits in the inbox. The payments
 * work fills this in; until then {@code PaymentsNotYetAvailable} refuses politely.
 */
@FunctionalInterface
public interface PreCheckoutHandler {

  /** Must return quickly (well under 10 s) and must not throw for a bad query: refuse it instead. */
  PreCheckout.Answer answer(PreCheckout query);
}
