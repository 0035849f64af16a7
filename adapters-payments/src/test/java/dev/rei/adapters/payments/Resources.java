package dev.rei.adapters.payments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test fixtures from the class path. */
public final class Resources {

  private Resources() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Resources.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The resource with each {@code {{KEY}}} replaced: {@code template("a.json", "KEY", "value", …)}. */
  public static String template(String name, String... keysAndValues) {
    String text = text(name);
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      text = text.replace("{{" + keysAndValues[i] + "}}", keysAndValues[i + 1]);
    }
    return text;
  }

  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
