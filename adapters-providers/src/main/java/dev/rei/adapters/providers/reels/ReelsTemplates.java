package dev.rei.adapters.providers.reels;

import dev.rei.adapters.providers.ReelsJobParameters.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The script templates of the scripted Reels templates (UGC blogger, Ad): a system prompt and
 * instructions each, bundled as resources ({@code reels/templates/ugc.system.txt}, {@code
 * ugc.instructions.txt}, {@code ad.system.txt}, {@code ad.instructions.txt}, Russian) and
 * overridable by files of the same names in a directory operators edit ({@code REELS_TEMPLATES_DIR}).
 * A missing or blank file there means the bundled default; a file that cannot be read is a
 * startup error, with a message naming it, so a typo never silently ships the default.
 */
public final class ReelsTemplates {

  /** Bigger than any sensible prompt; a bigger file is a mistake (a video dragged into the folder?). */
  static final int MAX_FILE_BYTES = 64 * 1024;
  private static final String RESOURCE_DIR = "/dev/rei/adapters/providers/reels/templates/";

  private final Map<Template, ScriptTemplate> templates;

  private ReelsTemplates(Map<Template, ScriptTemplate> templates) {
    this.templates = Map.copyOf(templates);
  }

  /** The bundled defaults. */
  public static ReelsTemplates bundled() {
    return load(Optional.empty());
  }

  /**
   * The templates of {@code directory} where it has them, the bundled defaults elsewhere.
   *
   * @throws IllegalArgumentException when the directory or one of its template files cannot be
   *     read, with a message fit for the operator
   */
  public static ReelsTemplates load(Optional<Path> directory) {
    Objects.requireNonNull(directory, "directory");
    directory.ifPresent(ReelsTemplates::requireDirectory);
    Map<Template, ScriptTemplate> templates = new EnumMap<>(Template.class);
    for (Template template : Template.values()) {
      if (template.isScripted()) {
        templates.put(template, new ScriptTemplate(
            text(directory, template.code() + ".system.txt"),
            text(directory, template.code() + ".instructions.txt")));
      }
    }
    return new ReelsTemplates(templates);
  }

  /** The script template of a scripted template; the own-prompt template has none. */
  public ScriptTemplate of(Template template) {
    ScriptTemplate script = templates.get(template);
    if (script == null) {
      throw new IllegalArgumentException("the " + template.code() + " template has no script");
    }
    return script;
  }

  private static void requireDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("REELS_TEMPLATES_DIR " + directory + " is not a directory");
    }
    if (!Files.isReadable(directory)) {
      throw new IllegalArgumentException("REELS_TEMPLATES_DIR " + directory + " cannot be read");
    }
  }

  private static String text(Optional<Path> directory, String name) {
    if (directory.isPresent()) {
      Optional<String> override = readOverride(directory.get().resolve(name));
      if (override.isPresent()) {
        return override.get();
      }
    }
    return bundledText(name);
  }

  private static Optional<String> readOverride(Path file) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Reels template " + file + " is not a regular file");
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException("Reels template " + file + " is larger than " + MAX_FILE_BYTES / 1024
            + " KiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("Reels template " + file + " cannot be read: " + e.getMessage(), e);
    }
    String text = decode(bytes, file.toString()).strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static String bundledText(String name) {
    try (InputStream in = ReelsTemplates.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("the bundled Reels template " + name + " is missing from the jar");
      }
      return decode(in.readAllBytes(), name).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled Reels template " + name, e);
    }
  }

  private static String decode(byte[] bytes, String where) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      // Strict decoding: a file saved as Windows-1251 would otherwise reach GPT as mojibake.
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("Reels template " + where + " is not UTF-8 text", e);
    }
  }

  /**
   * What the script writer is told for one template.
   *
   * @param system the system prompt: who the writer is and the rules
   * @param instructions what to write and in which form
   */
  public record ScriptTemplate(String system, String instructions) {

    public ScriptTemplate {
      if (system == null || system.isBlank() || instructions == null || instructions.isBlank()) {
        throw new IllegalArgumentException("a script template needs a system prompt and instructions");
      }
    }
  }
}
