package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.state.BanNotices;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.in.user.RegisterUserUseCase;
import dev.rei.application.port.in.user.Registration;
import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.RateLimiter;
import dev.rei.application.port.out.UserStore;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The door every update passes: finds the user (registering them, with the welcome bonus, on first
 * contact, in their Telegram language), keeps banned users out (telling them once), and applies
 * the per-user action rate limits (telling the user when a block starts, not on every message).
 */
public final class UserGate {

  private final UserStore users;
  private final RegisterUserUseCase register;
  private final RateLimiter rateLimiter;
  private final BanNotices banNotices;
  private final Clock clock;
  private final AlbumPasses albums = new AlbumPasses();
  private final UsernameMemory usernames;

  public UserGate(UserStore users, RegisterUserUseCase register, RateLimiter rateLimiter, ChatStateStore chatState,
      Clock clock) {
    this.users = users;
    this.register = register;
    this.rateLimiter = rateLimiter;
    this.banNotices = new BanNotices(chatState, clock);
    this.clock = clock;
    this.usernames = new UsernameMemory(users);
  }

  /** What the gate decided about one update. */
  public sealed interface Passage {
    /** Not a person we serve (no sender, a bot): ignored without an answer. */
    record Ignored() implements Passage {}

    record Admitted(ChatUser user) implements Passage {
      public Admitted {
        Objects.requireNonNull(user, "user");
      }
    }

    /** Banned: {@code tellNow} is true the first time only. */
    record Banned(ChatUser user, boolean tellNow) implements Passage {}

    /** Over a rate limit: {@code tellNow} when this update started a block (until {@code retryAt}). */
    record Limited(ChatUser user, Optional<Instant> retryAt, boolean tellNow) implements Passage {}
  }

  public Passage admit(org.telegram.telegrambots.meta.api.objects.User from, long chatId, ActionClass action) {
    return admit(from, chatId, action, null);
  }

  /**
   * As {@link #admit(org.telegram.telegrambots.meta.api.objects.User, long, ActionClass)}; the
   * photos of one album ({@code mediaGroupId}, or null) count once, as its first photo was counted.
   */
  public Passage admit(org.telegram.telegrambots.meta.api.objects.User from, long chatId, ActionClass action,
      String mediaGroupId) {
    if (from == null || from.getId() == null || from.getId() <= 0 || Boolean.TRUE.equals(from.getIsBot())) {
      return new Passage.Ignored();
    }
    UserId id = UserId.of(from.getId());
    Optional<User> known = users.find(id);
    ChatUser user;
    if (known.isPresent()) {
      user = new ChatUser(known.get(), chatId, false);
    } else {
      Registration registration = register.register(
          new RegisterUserCommand(id, Language.fromTelegramCode(from.getLanguageCode())));
      user = new ChatUser(registration.user(), chatId, registration.isNew());
    }
    usernames.seen(id, from.getUserName());
    if (user.user().isBanned()) {
      return new Passage.Banned(user, banNotices.tell(id.value()));
    }
    Optional<Boolean> album = mediaGroupId == null ? Optional.empty() : albums.decided(mediaGroupId);
    if (album.isPresent()) {
      return album.get() ? new Passage.Admitted(user) : new Passage.Limited(user, Optional.empty(), false);
    }
    LimitDecision decision = rateLimiter.tryAcquire(id, action, clock.now());
    if (mediaGroupId != null) {
      albums.remember(mediaGroupId, decision.isAllowed());
    }
    if (!decision.isAllowed()) {
      return new Passage.Limited(user, decision.retryAt(), decision.newViolation());
    }
    return new Passage.Admitted(user);
  }
}
