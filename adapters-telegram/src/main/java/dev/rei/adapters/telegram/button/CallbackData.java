package dev.rei.adapters.telegram.button;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The callback data of our buttons: {@code b:<key>} for a button whose meaning is stored under
 * {@code key}, {@code m:<name>} for a {@link Navigation} button. Anything else is invalid. Both
 * forms stay far below Telegram's 64-byte limit.
 */
public sealed interface CallbackData {

  /** Telegram accepts 1 to 64 bytes of callback data. */
  int MAX_BYTES = 64;

  Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,32}");

  record Keyed(String key) implements CallbackData {
    public Keyed {
      Objects.requireNonNull(key, "key");
    }
  }

  record Nav(Navigation target) implements CallbackData {
    public Nav {
      Objects.requireNonNull(target, "target");
    }
  }

  /** Not ours, too long, or from an older version: answered as an out-of-date button. */
  record Invalid() implements CallbackData {}

  static CallbackData parse(String data) {
    if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return new Invalid();
    }
    if (data.startsWith("b:") && KEY.matcher(data.substring(2)).matches()) {
      return new Keyed(data.substring(2));
    }
    if (data.startsWith("m:")) {
      return Navigation.byCode(data.substring(2)).<CallbackData>map(Nav::new).orElse(new Invalid());
    }
    return new Invalid();
  }

  static String keyed(String key) {
    return "b:" + key;
  }

  static String nav(Navigation target) {
    return "m:" + target.code();
  }
}
