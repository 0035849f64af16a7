package dev.rei.adapters.persistence.files;

import java.util.regex.Pattern;

/** What a stored content type may look like: a bare {@code type/subtype}, safe to write to a file and a header. */
final class MediaContentTypes {

  /** Read back when a stored type is missing or damaged. */
  static final String UNKNOWN = "application/octet-stream";

  private static final Pattern FORM =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

  private MediaContentTypes() {}

  static boolean isValid(String contentType) {
    return contentType != null && FORM.matcher(contentType).matches();
  }

  static String require(String contentType) {
    if (!isValid(contentType)) {
      throw new IllegalArgumentException("content type must look like type/subtype, was " + quote(contentType));
    }
    return contentType;
  }

  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
