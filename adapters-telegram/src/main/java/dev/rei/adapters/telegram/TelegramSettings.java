package dev.rei.adapters.telegram;

import dev.rei.adapters.telegram.api.Pacing;
import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.api.TelegramEndpoint;
import dev.rei.adapters.telegram.inbox.InboxWorker;
import dev.rei.adapters.telegram.send.TelegramMessageSender;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the Telegram side is configured with. {@link #toString()} never shows the token.
 *
 * @param botToken the token from @BotFather
 * @param api the Bot API server ({@code TELEGRAM_API_URL}): Telegram's, a self-hosted one, or the emulator
 * @param adminIds Telegram ids of the operators (admin commands arrive with the admin work)
 * @param supportContact who users may contact (e.g. {@code @rei_support}); blank for none
 * @param pacing the send rates (Telegram's by default)
 * @param inbox how the inbox is worked
 * @param pollTimeoutSeconds how long one getUpdates long poll waits (1..50)
 * @param outboxBatch how many outbox messages one dispatch takes
 * @param outboxIdleWait how long the outbox pump rests when nothing was due
 * @param uploadLimitBytes the largest result uploaded to Telegram (50 MB; more with a self-hosted server)
 * @param maxReferencePhotos how many reference photos a user may keep for /generate (1..14, Gemini's limit)
 * @param supportChatId the group or supergroup where messages to support go (negative); empty: each admin's chat
 */
public record TelegramSettings(
    String botToken,
    TelegramEndpoint api,
    Set<Long> adminIds,
    String supportContact,
    Pacing pacing,
    InboxWorker.Settings inbox,
    int pollTimeoutSeconds,
    int outboxBatch,
    Duration outboxIdleWait,
    long uploadLimitBytes,
    int maxReferencePhotos,
    Optional<Long> supportChatId) {

  /** Gemini 3 Pro Image takes at most 14 input images. */
  public static final int MAX_REFERENCE_PHOTOS = 14;
  public static final int DEFAULT_REFERENCE_PHOTOS = 5;

  public TelegramSettings {
    TelegramConnection.requireToken(botToken);
    Objects.requireNonNull(api, "api");
    adminIds = Set.copyOf(adminIds);
    supportContact = supportContact == null ? "" : supportContact.strip();
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(outboxIdleWait, "outboxIdleWait");
    if (pollTimeoutSeconds < 1 || pollTimeoutSeconds > 50) {
      throw new IllegalArgumentException("the long-poll timeout must be 1..50 seconds, was " + pollTimeoutSeconds);
    }
    if (outboxBatch < 1 || outboxBatch > 1_000) {
      throw new IllegalArgumentException("the outbox batch must be 1..1000, was " + outboxBatch);
    }
    if (uploadLimitBytes < 1) {
      throw new IllegalArgumentException("the upload limit must be positive");
    }
    if (maxReferencePhotos < 1 || maxReferencePhotos > MAX_REFERENCE_PHOTOS) {
      throw new IllegalArgumentException("reference photos must be 1.." + MAX_REFERENCE_PHOTOS + ", was "
          + maxReferencePhotos);
    }
    Objects.requireNonNull(supportChatId, "supportChatId");
    if (supportChatId.isPresent() && supportChatId.get() >= 0) {
      throw new IllegalArgumentException("the support chat must be a group (a negative id), was " + supportChatId.get());
    }
  }

  /** Telegram's limits, 4 inbox threads, 50-second long polls. */
  public static TelegramSettings defaults(String botToken, String apiUrl, Set<Long> adminIds) {
    return new TelegramSettings(botToken, TelegramEndpoint.parse(apiUrl), adminIds, "", Pacing.TELEGRAM,
        InboxWorker.Settings.defaults(), 50, 30, Duration.ofMillis(250),
        TelegramMessageSender.DEFAULT_UPLOAD_LIMIT_BYTES, DEFAULT_REFERENCE_PHOTOS, Optional.empty());
  }

  public TelegramSettings withPacing(Pacing newPacing) {
    return new TelegramSettings(botToken, api, adminIds, supportContact, newPacing, inbox, pollTimeoutSeconds,
        outboxBatch, outboxIdleWait, uploadLimitBytes, maxReferencePhotos, supportChatId);
  }

  public TelegramSettings withInbox(InboxWorker.Settings newInbox) {
    return new TelegramSettings(botToken, api, adminIds, supportContact, pacing, newInbox, pollTimeoutSeconds,
        outboxBatch, outboxIdleWait, uploadLimitBytes, maxReferencePhotos, supportChatId);
  }

  public TelegramSettings withPollTimeoutSeconds(int seconds) {
    return new TelegramSettings(botToken, api, adminIds, supportContact, pacing, inbox, seconds, outboxBatch,
        outboxIdleWait, uploadLimitBytes, maxReferencePhotos, supportChatId);
  }

  public TelegramSettings withSupportContact(String contact) {
    return new TelegramSettings(botToken, api, adminIds, contact, pacing, inbox, pollTimeoutSeconds, outboxBatch,
        outboxIdleWait, uploadLimitBytes, maxReferencePhotos, supportChatId);
  }

  public TelegramSettings withOutbox(int batch, Duration idleWait) {
    return new TelegramSettings(botToken, api, adminIds, supportContact, pacing, inbox, pollTimeoutSeconds, batch,
        idleWait, uploadLimitBytes, maxReferencePhotos, supportChatId);
  }

  public TelegramSettings withUploadLimitBytes(long limit) {
    return new TelegramSettings(botToken, api, adminIds, supportContact, pacing, inbox, pollTimeoutSeconds,
        outboxBatch, outboxIdleWait, limit, maxReferencePhotos, supportChatId);
  }

  public TelegramSettings withMaxReferencePhotos(int max) {
    return new TelegramSettings(botToken, api, adminIds, supportContact, pacing, inbox, pollTimeoutSeconds,
        outboxBatch, outboxIdleWait, uploadLimitBytes, max, supportChatId);
  }

  public TelegramSettings withSupportChatId(long chatId) {
    return new TelegramSettings(botToken, api, adminIds, supportContact, pacing, inbox, pollTimeoutSeconds,
        outboxBatch, outboxIdleWait, uploadLimitBytes, maxReferencePhotos, Optional.of(chatId));
  }

  public boolean isAdmin(long userId) {
    return adminIds.contains(userId);
  }

  @Override
  public String toString() {
    return "TelegramSettings[botToken=<hidden>, api=" + api.base() + ", adminIds=" + adminIds
        + ", supportContact=" + supportContact + ", pacing=" + pacing + ", inbox=" + inbox
        + ", pollTimeoutSeconds=" + pollTimeoutSeconds + ", outboxBatch=" + outboxBatch
        + ", outboxIdleWait=" + outboxIdleWait + ", uploadLimitBytes=" + uploadLimitBytes
        + ", maxReferencePhotos=" + maxReferencePhotos
        + ", supportChatId=" + supportChatId.map(String::valueOf).orElse("none") + "]";
  }
}
