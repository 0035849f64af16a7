package dev.rei.adapters.telegram.api;

/** Telegram's length limits on what we send, applied by cutting with an ellipsis rather than failing. */
public final class TextLimits {

  /** A message's text: 1–4096 characters. */
  public static final int MESSAGE = 4096;
  /** A photo's or video's caption: 0–1024 characters. */
  public static final int CAPTION = 1024;

  private TextLimits() {}

  public static String message(String text) {
    return cut(text.isEmpty() ? "…" : text, MESSAGE);
  }

  public static String caption(String text) {
    return cut(text, CAPTION);
  }

  /** {@code text} cut to {@code max} characters, never splitting a surrogate pair. */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
