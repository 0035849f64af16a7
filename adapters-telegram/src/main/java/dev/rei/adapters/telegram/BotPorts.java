package dev.rei.adapters.telegram;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.InboundUpdates;
import dev.rei.application.port.out.MediaStore;
import dev.rei.application.port.out.RateLimiter;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.port.out.UserStore;
import java.util.Objects;

/**
 * The core's outgoing ports the Telegram side uses directly: the inbox, its chat state, media,
 * users (for each reader's language), the per-user rate limiter, the transaction boundary and the clock.
 */
public record BotPorts(InboundUpdates inbox, ChatStateStore chatState, MediaStore media, UserStore users,
    RateLimiter rateLimiter, UnitOfWork unitOfWork, Clock clock) {

  public BotPorts {
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(chatState, "chatState");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(rateLimiter, "rateLimiter");
    Objects.requireNonNull(unitOfWork, "unitOfWork");
    Objects.requireNonNull(clock, "clock");
  }
}
