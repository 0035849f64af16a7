package dev.rei.application.port.in.admin;

/** An operator bans a user: no more orders or top-ups; audited, and the user is told. */
public interface BanUserUseCase {

  AdminResult ban(BanUserCommand command);
}
