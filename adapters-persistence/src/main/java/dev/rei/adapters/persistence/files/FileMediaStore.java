package dev.rei.adapters.persistence.files;

import dev.rei.application.port.out.MediaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link MediaStore} on the local file system: each file under {@code root/<first two key
 * characters>/<key>}, its content type beside it in {@code <key>.type}.
 *
 * <p>Keys are 128 random bits in lower-case hex, never derived from anything a user sent, so they
 * can neither be guessed nor name a path outside the root; {@link #get} refuses anything else
 * before it touches the disk. Both files are written to a temporary file and moved into place, so
 * a reader sees a whole file or none, also from another process sharing the directory.
 */
public final class FileMediaStore implements MediaStore {

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  private static final int KEY_BYTES = 16;
  private static final String TYPE_SUFFIX = ".type";
  private static final String TEMP_PREFIX = ".tmp-";

  private final Path root;
  private final SecureRandom random = new SecureRandom();

  /** Keeps files under {@code root} (e.g. {@code DATA_DIR/media}), creating it if needed. */
  public FileMediaStore(Path root) {
    Objects.requireNonNull(root, "root");
    try {
      this.root = Files.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the media directory " + root, e);
    }
  }

  /** The directory the files are kept in. */
  public Path root() {
    return root;
  }

  @Override
  public String put(byte[] content, String contentType) {
    Objects.requireNonNull(content, "content");
    String type = MediaContentTypes.require(contentType);
    String key = newKey();
    Path file = pathOf(key);
    // 128 random bits do not collide in practice; checking costs little and keeps a file from ever being replaced.
    while (Files.exists(file) || Files.exists(typeFileOf(file))) {
      key = newKey();
      file = pathOf(key);
    }
    try {
      Files.createDirectories(file.getParent());
      // The type first: whoever sees the content file also finds its type.
      writeAtomically(typeFileOf(file), type.getBytes(StandardCharsets.US_ASCII));
      writeAtomically(file, content);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a media file of " + content.length + " bytes", e);
    }
  }

  @Override
  public Optional<Media> get(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    Path file = pathOf(key);
    try {
      byte[] content = Files.readAllBytes(file);
      String type = readType(typeFileOf(file));
      return Optional.of(new Media(key, type, content));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read media file " + key, e);
    }
  }

  private static String readType(Path typeFile) throws IOException {
    try {
      String stored = new String(Files.readAllBytes(typeFile), StandardCharsets.US_ASCII).trim();
      return MediaContentTypes.isValid(stored) ? stored : MediaContentTypes.UNKNOWN;
    } catch (NoSuchFileException e) {
      // Only a hand-edited directory gets here: the type is always written before the content.
      return MediaContentTypes.UNKNOWN;
    }
  }

  private String newKey() {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Only ever called with a key that matched {@link #KEY}, so the path stays under the root. */
  private Path pathOf(String key) {
    Path file = root.resolve(key.substring(0, 2)).resolve(key).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalStateException("media key escaped the root: " + key);
    }
    return file;
  }

  private static Path typeFileOf(Path file) {
    return file.resolveSibling(file.getFileName() + TYPE_SUFFIX);
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, "");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        // On disk before the move: the job that names this key is committed right after, and must not outlive its file.
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        // Same directory, so this only happens on exotic file systems; a plain move is the best left.
        Files.move(temp, target);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
