package dev.rei.application.port.in.admin;

import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code admin} lifts the ban of {@code target}, because of {@code reason}. */
public record UnbanUserCommand(UserId admin, UserId target, String reason) {

  public UnbanUserCommand {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(target, "target");
    AdminReasons.require(reason);
  }
}
