package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TelegramFiles;
import dev.rei.application.port.out.MediaStore;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a photo or video a user sent for a video or Reels order with our own HTTP call and keeps
 * it in the MediaStore: providers get our key, never a Telegram file URL. Files above the Bot
 * API's 20 MB download limit are refused politely, before anything is downloaded when Telegram
 * told us the size.
 */
public final class VideoUploads {

  private static final Logger log = LoggerFactory.getLogger(VideoUploads.class);

  private final FlowKit kit;
  private final TelegramFiles files;
  private final MediaStore media;

  public VideoUploads(FlowKit kit, TelegramFiles files, MediaStore media) {
    this.kit = kit;
    this.files = files;
    this.media = media;
  }

  /** The stored file's key; empty after telling the user why there is none ({@code tooLargeKey} or a retry hint). */
  public Optional<String> fetch(ChatUser user, String fileId, Long fileSize, String contentType, String tooLargeKey) {
    Objects.requireNonNull(fileId, "fileId");
    if (fileSize != null && fileSize > TelegramFiles.MAX_DOWNLOAD_BYTES) {
      kit.replies().send(user.chatId(), kit.text(user, tooLargeKey), null);
      return Optional.empty();
    }
    TelegramFiles.Download download = files.download(fileId, TelegramFiles.MAX_DOWNLOAD_BYTES);
    if (download instanceof TelegramFiles.Download.TooLarge) {
      kit.replies().send(user.chatId(), kit.text(user, tooLargeKey), null);
      return Optional.empty();
    }
    if (download instanceof TelegramFiles.Download.Failed failed) {
      log.warn("file of user {} not fetched: {}", user.id(), failed.reason());
      kit.replies().send(user.chatId(), kit.text(user, "video.upload.failed"), null);
      return Optional.empty();
    }
    return Optional.of(media.put(((TelegramFiles.Download.Fetched) download).content(), contentType));
  }
}
