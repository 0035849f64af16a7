package dev.rei.bootstrap.sandbox;

import java.util.Objects;

/**
 * A Telegram user played by a test or the sandbox; in a private chat the chat id equals the user id.
 *
 * @param id the Telegram user id, positive
 * @param firstName shown as the user's name, never blank
 * @param username without the leading {@code @}, or null
 * @param languageCode the IETF tag the Telegram client reports (such as {@code "ru"} or {@code "en"}), or null
 */
public record EmulatedUser(long id, String firstName, String username, String languageCode) {

  public EmulatedUser {
    if (id <= 0) {
      throw new IllegalArgumentException("a user id is positive, got " + id);
    }
    Objects.requireNonNull(firstName, "firstName");
    if (firstName.isBlank()) {
      throw new IllegalArgumentException("a user has a first name");
    }
  }

  /** A user with a name, no username and no language. */
  public static EmulatedUser of(long id, String firstName) {
    return new EmulatedUser(id, firstName, null, null);
  }

  /** A user called "User &lt;id&gt;". */
  public static EmulatedUser of(long id) {
    return of(id, "User " + id);
  }

  /** The same user whose Telegram client reports another language. */
  public EmulatedUser withLanguage(String newLanguageCode) {
    return new EmulatedUser(id, firstName, username, newLanguageCode);
  }

  /** The same user with a username. */
  public EmulatedUser withUsername(String newUsername) {
    return new EmulatedUser(id, firstName, newUsername, languageCode);
  }

  /** The id of the private chat between this user and the bot. */
  public long chatId() {
    return id;
  }
}
