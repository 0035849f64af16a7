package dev.rei.bootstrap.logging;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hides secrets in text about to be logged: anything shaped like a Telegram bot token (also inside
 * a Bot API or file URL), and every configured secret value. Process-wide, because logback builds
 * its encoders itself; the configured values are registered once the configuration is read.
 */
public final class SecretMasker {

  public static final String MASK = "******";

  /** A bot token: the bot's numeric id, a colon, and the secret part. */
  private static final Pattern BOT_TOKEN = Pattern.compile("[0-9]+:[A-Za-z0-9_-]{30,}");

  /** Shorter values would mask ordinary words in every line; such a secret is still never logged on purpose. */
  static final int MIN_MASKED_LENGTH = 6;

  private static volatile List<String> secrets = List.of();

  private SecretMasker() {}

  /** Adds {@code values} to the secrets masked from now on. */
  public static synchronized void register(Collection<String> values) {
    secrets = Stream.concat(secrets.stream(), values.stream())
        .filter(v -> v != null && v.length() >= MIN_MASKED_LENGTH)
        // JSON lines carry a value escaped, so mask that spelling too.
        .flatMap(v -> Stream.of(v, jsonEscaped(v)))
        .distinct()
        // Longest first, so a secret that contains another is masked whole.
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /** Forgets the registered secrets; for tests. */
  public static synchronized void clear() {
    secrets = List.of();
  }

  public static String mask(String text) {
    String masked = text;
    for (String secret : secrets) {
      if (masked.contains(secret)) {
        masked = masked.replace(secret, MASK);
      }
    }
    return BOT_TOKEN.matcher(masked).replaceAll(MASK);
  }

  private static String jsonEscaped(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '/' -> escaped.append('/');
        default -> {
          if (c < 0x20) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
