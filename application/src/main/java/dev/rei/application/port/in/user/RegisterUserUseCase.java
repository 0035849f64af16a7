package dev.rei.application.port.in.user;

/** Registers a user on first contact, with the welcome bonus; registering again changes nothing. */
public interface RegisterUserUseCase {

  Registration register(RegisterUserCommand command);
}
