package dev.rei.application.port.in.admin;

/** An operator lifts a user's ban; audited, and the user is told. */
public interface UnbanUserUseCase {

  AdminResult unban(UnbanUserCommand command);
}
