package dev.rei.bootstrap.sandbox;

import java.util.Objects;

/**
 * A photo, video or document attached to a message. The bytes stay in the emulator's file store: read them with
 * {@link BotApiEmulator#fileBytes(String)}.
 *
 * @param kind photo, video or document
 * @param fileId the id the bot can send again or pass to getFile
 * @param fileUniqueId stable across bots, as on Telegram
 * @param fileName the uploaded file's name, or null
 * @param mimeType the MIME type, or null when unknown
 * @param sizeBytes the size of the stored bytes; 0 for a file the bot sent by URL (the emulator never downloads)
 * @param width pixels, 0 when unknown
 * @param height pixels, 0 when unknown
 * @param durationSeconds of a video, else 0
 * @param url the HTTP URL the bot sent instead of a file, else null
 */
public record Media(
    Kind kind, String fileId, String fileUniqueId, String fileName, String mimeType, long sizeBytes,
    int width, int height, int durationSeconds, String url) {

  public Media {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(fileUniqueId, "fileUniqueId");
  }

  /** What kind of file, each with the Bot API method that sends it and the Message field that carries it. */
  public enum Kind {
    PHOTO("sendPhoto", "photo"),
    VIDEO("sendVideo", "video"),
    DOCUMENT("sendDocument", "document");

    private final String sendMethod;
    private final String field;

    Kind(String sendMethod, String field) {
      this.sendMethod = sendMethod;
      this.field = field;
    }

    /** The Bot API method that sends this kind, such as {@code "sendPhoto"}. */
    public String sendMethod() {
      return sendMethod;
    }

    /** The Message field and the send method's file parameter, such as {@code "photo"}. */
    public String field() {
      return field;
    }
  }
}
