package dev.rei.application.port.in.support;

import dev.rei.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code user} writes {@code text} to support, maybe with a photo (a Telegram file id, which the
 * same bot may send to any chat). {@code username} and {@code name} are what Telegram says about
 * the sender, shown to support as they are: untrusted text.
 */
public record ContactSupportCommand(UserId user, Optional<String> username, Optional<String> name, String text,
    Optional<String> photoFileId) {

  /** The longest message support gets; the chat adapter tells the user before it comes to this. */
  public static final int MAX_TEXT_LENGTH = 3_000;

  public ContactSupportCommand {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(photoFileId, "photoFileId");
    if (text.isBlank() && photoFileId.isEmpty()) {
      throw new IllegalArgumentException("a message to support needs a text or a photo");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("a message to support has at most " + MAX_TEXT_LENGTH + " characters");
    }
  }
}
