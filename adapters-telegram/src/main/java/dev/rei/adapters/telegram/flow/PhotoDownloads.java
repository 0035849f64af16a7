package dev.rei.adapters.telegram.flow;

import dev.rei.adapters.telegram.api.TelegramFiles;
import dev.rei.application.port.out.MediaStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a user's photo from Telegram with our own HTTP call and keeps it in the MediaStore, so a
 * provider gets our key and never a Telegram file URL; tells the user when it cannot.
 */
public final class PhotoDownloads {

  private static final Logger log = LoggerFactory.getLogger(PhotoDownloads.class);

  private final FlowKit kit;
  private final TelegramFiles files;
  private final MediaStore media;

  public PhotoDownloads(FlowKit kit, TelegramFiles files, MediaStore media) {
    this.kit = kit;
    this.files = files;
    this.media = media;
  }

  /** The MediaStore key of the photo, or empty once the user has been told why not. */
  Optional<String> fetch(ChatUser user, String fileId, Long fileSize, String contentType) {
    if (fileSize != null && fileSize > TelegramFiles.MAX_DOWNLOAD_BYTES) {
      kit.replies().send(user.chatId(), kit.text(user, "photo.tooLarge"), null);
      return Optional.empty();
    }
    TelegramFiles.Download download = files.download(fileId, TelegramFiles.MAX_DOWNLOAD_BYTES);
    if (download instanceof TelegramFiles.Download.TooLarge) {
      kit.replies().send(user.chatId(), kit.text(user, "photo.tooLarge"), null);
      return Optional.empty();
    }
    if (download instanceof TelegramFiles.Download.Failed failed) {
      log.warn("photo of user {} not fetched: {}", user.id(), failed.reason());
      kit.replies().send(user.chatId(), kit.text(user, "photo.failed"), null);
      return Optional.empty();
    }
    return Optional.of(media.put(((TelegramFiles.Download.Fetched) download).content(), contentType));
  }
}
