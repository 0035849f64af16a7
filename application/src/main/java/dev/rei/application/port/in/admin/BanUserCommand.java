package dev.rei.application.port.in.admin;

import dev.rei.domain.user.UserId;
import java.util.Objects;

/** {@code admin} bans {@code target} from ordering and paying, because of {@code reason}. */
public record BanUserCommand(UserId admin, UserId target, String reason) {

  public BanUserCommand {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(target, "target");
    AdminReasons.require(reason);
  }
}
