package dev.rei.application.fakes;

import dev.rei.application.port.out.MediaStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@link MediaStore} in a map, with random keys like the real one's. Not transactional: files are
 * not rolled back with a transaction anywhere.
 */
public final class InMemoryMediaStore implements MediaStore {

  private static final Pattern CONTENT_TYPE =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

  private final Map<String, Media> files = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  @Override
  public String put(byte[] content, String contentType) {
    Objects.requireNonNull(content, "content");
    if (contentType == null || !CONTENT_TYPE.matcher(contentType).matches()) {
      throw new IllegalArgumentException("content type must look like type/subtype, was " + contentType);
    }
    while (true) {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      String key = HexFormat.of().formatHex(bytes);
      // A copy, so the caller changing its array later changes nothing here.
      if (files.putIfAbsent(key, new Media(key, contentType, content.clone())) == null) {
        return key;
      }
    }
  }

  @Override
  public Optional<Media> get(String key) {
    if (key == null) {
      return Optional.empty();
    }
    Media media = files.get(key);
    return media == null ? Optional.empty() : Optional.of(new Media(key, media.contentType(), media.content().clone()));
  }

  /** How many files are kept. */
  public int size() {
    return files.size();
  }
}
