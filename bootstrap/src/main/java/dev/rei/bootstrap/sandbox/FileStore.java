package dev.rei.bootstrap.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Every file that went through the emulator (uploaded by the bot or sent by a user), by file_id and by the
 * file_path that getFile hands out for downloads.
 */
final class FileStore {

  /** A stored file; {@code bytes} is empty for a file the bot only referenced by URL. */
  record StoredFile(Media.Kind kind, String fileId, String fileUniqueId, String filePath, byte[] bytes,
      String fileName, String mimeType, int width, int height, String url) {

    boolean downloadable() {
      return url == null;
    }

    Media toMedia(int durationSeconds) {
      return new Media(kind, fileId, fileUniqueId, fileName, mimeType, bytes.length, width, height, durationSeconds,
          url);
    }
  }

  /** Width and height of an image in pixels. */
  record Dimensions(int width, int height) {
  }

  private static final Map<Media.Kind, String> FILE_ID_PREFIX =
      Map.of(Media.Kind.PHOTO, "AgACAgIAAxk", Media.Kind.VIDEO, "BAACAgIAAxk", Media.Kind.DOCUMENT, "BQACAgIAAxk");
  private static final Map<Media.Kind, String> FOLDER =
      Map.of(Media.Kind.PHOTO, "photos", Media.Kind.VIDEO, "videos", Media.Kind.DOCUMENT, "documents");

  private final AtomicLong counter = new AtomicLong();
  private final Map<String, StoredFile> byId = new ConcurrentHashMap<>();
  private final Map<String, StoredFile> byPath = new ConcurrentHashMap<>();

  StoredFile store(Media.Kind kind, byte[] bytes, String fileName, String mimeType, Dimensions dimensions) {
    long number = counter.incrementAndGet();
    String type = mimeType != null ? mimeType : sniffMimeType(bytes);
    StoredFile file = new StoredFile(kind, fileId(kind, number), "AQADEmU" + number, FOLDER.get(kind) + "/file_"
        + number + extension(type, fileName), bytes.clone(), fileName, type, dimensions.width(), dimensions.height(),
        null);
    byId.put(file.fileId(), file);
    byPath.put(file.filePath(), file);
    return file;
  }

  /** A file the bot sent by URL: recorded, never downloaded (the emulator works offline). */
  StoredFile storeUrl(Media.Kind kind, String url) {
    long number = counter.incrementAndGet();
    StoredFile file = new StoredFile(kind, fileId(kind, number), "AQADEmU" + number, null, new byte[0], null, null, 0,
        0, url);
    byId.put(file.fileId(), file);
    return file;
  }

  Optional<StoredFile> byId(String fileId) {
    return Optional.ofNullable(byId.get(fileId));
  }

  Optional<StoredFile> byPath(String filePath) {
    return Optional.ofNullable(byPath.get(filePath));
  }

  /** The size of an image, or empty when the bytes are no image Java can read (PNG, JPEG, GIF, BMP). */
  static Optional<Dimensions> imageDimensions(byte[] bytes) {
    try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  static String sniffMimeType(byte[] bytes) {
    if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G')) {
      return "image/png";
    }
    if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
      return "image/webp";
    }
    if (startsWith(bytes, 4, 'f', 't', 'y', 'p')) {
      return "video/mp4";
    }
    if (startsWith(bytes, 0, '%', 'P', 'D', 'F')) {
      return "application/pdf";
    }
    return "application/octet-stream";
  }

  private static String fileId(Media.Kind kind, long number) {
    return FILE_ID_PREFIX.get(kind) + "BAAIEmU" + String.format(Locale.ROOT, "%08d", number) + "AAQ";
  }

  private static String extension(String mimeType, String fileName) {
    return switch (mimeType) {
      case "image/png" -> ".png";
      case "image/jpeg" -> ".jpg";
      case "image/gif" -> ".gif";
      case "image/webp" -> ".webp";
      case "video/mp4" -> ".mp4";
      case "application/pdf" -> ".pdf";
      default -> fileName != null && fileName.matches(".*\\.[A-Za-z0-9]{1,8}")
          ? fileName.substring(fileName.lastIndexOf('.')).toLowerCase(Locale.ROOT)
          : "";
    };
  }

  private static boolean startsWith(byte[] bytes, int at, int... expected) {
    if (bytes.length < at + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[at + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
