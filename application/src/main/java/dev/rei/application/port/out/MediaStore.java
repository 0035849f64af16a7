package dev.rei.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * Files jobs read and produce (a user's input photo, a generated image or video), kept by us: a
 * provider gets bytes or our own reference, never a Telegram file URL (it contains the bot token).
 */
public interface MediaStore {

  /** Keeps {@code content}; returns the key to read it back by (also usable as a job's ResultRef). */
  String put(byte[] content, String contentType);

  Optional<Media> get(String key);

  /** A stored file. */
  record Media(String key, String contentType, byte[] content) {
    public Media {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(content, "content");
    }
  }
}
