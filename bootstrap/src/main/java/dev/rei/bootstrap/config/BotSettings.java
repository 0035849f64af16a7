package dev.rei.bootstrap.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Telegram side: the bot token (none means "start the sandbox"), the Bot API base URL (Telegram's
 * own, or a self-hosted Bot API server, or the sandbox's emulator), the admins' Telegram ids, how
 * many reference photos a user may keep for /generate ({@code MAX_REFERENCE_PHOTOS}), and the group
 * where messages to support go (none: to each admin's private chat).
 */
public record BotSettings(Optional<Secret> token, URI apiUrl, Set<Long> adminIds, int maxReferencePhotos,
    Optional<Long> supportChatId) {

  public static final String TELEGRAM_API_URL = "https://api.telegram.org";

  public BotSettings {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(apiUrl, "apiUrl");
    adminIds = Set.copyOf(adminIds);
    Objects.requireNonNull(supportChatId, "supportChatId");
    if (supportChatId.isPresent() && supportChatId.get() >= 0) {
      throw new IllegalArgumentException("the support chat is a group: a negative id, was " + supportChatId.get());
    }
  }
}
