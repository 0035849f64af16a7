package dev.rei.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who has talked to the bot: registered once, on first contact, and possibly banned.
 *
 * <p>Immutable: every change returns a new {@code User}.
 */
public final class User {

  private final UserId id;
  private final Instant registeredAt;
  private final Language language;
  private final Instant bannedAt;

  private User(UserId id, Instant registeredAt, Language language, Instant bannedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
    this.language = Objects.requireNonNull(language, "language");
    this.bannedAt = bannedAt;
  }

  /** A user registering now, on first contact. */
  public static User register(UserId id, Language language, Instant now) {
    return new User(id, now, language, null);
  }

  /** A user as stored; {@code bannedAt} is null for a user who is not banned. */
  public static User restore(UserId id, Instant registeredAt, Language language, Instant bannedAt) {
    return new User(id, registeredAt, language, bannedAt);
  }

  public UserId id() {
    return id;
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  public Language language() {
    return language;
  }

  public boolean isBanned() {
    return bannedAt != null;
  }

  public Optional<Instant> bannedAt() {
    return Optional.ofNullable(bannedAt);
  }

  /** Bans the user; banning a banned user keeps the first ban time. */
  public User ban(Instant now) {
    return isBanned() ? this : new User(id, registeredAt, language, Objects.requireNonNull(now));
  }

  public User unban() {
    return isBanned() ? new User(id, registeredAt, language, null) : this;
  }

  public User speaking(Language newLanguage) {
    return new User(id, registeredAt, newLanguage, bannedAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User other
        && id.equals(other.id)
        && registeredAt.equals(other.registeredAt)
        && language == other.language
        && Objects.equals(bannedAt, other.bannedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, registeredAt, language, bannedAt);
  }

  @Override
  public String toString() {
    return "User[" + id + (isBanned() ? ", banned" : "") + ", " + language + "]";
  }
}
