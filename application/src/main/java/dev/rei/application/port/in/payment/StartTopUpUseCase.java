package dev.rei.application.port.in.payment;

/** Starts a top-up: a pending payment and the rail's pay link or invoice. */
public interface StartTopUpUseCase {

  TopUpStart startTopUp(StartTopUpCommand command);
}
