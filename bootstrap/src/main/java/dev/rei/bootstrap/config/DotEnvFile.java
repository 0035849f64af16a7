package dev.rei.bootstrap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code .env} file: {@code NAME=value} lines, {@code #} comments, an optional {@code export }
 * before the name, values optionally in single quotes (taken literally) or double quotes ({@code
 * \n}, {@code \"} and {@code \\} unescaped). A line that is none of these is a problem reported
 * with its line number, never silently skipped.
 */
public final class DotEnvFile {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> values;
  private final List<ConfigProblem> problems;

  private DotEnvFile(Map<String, String> values, List<ConfigProblem> problems) {
    this.values = values;
    this.problems = problems;
  }

  /** The file's settings, or none when the file does not exist. */
  public static DotEnvFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new DotEnvFile(Map.of(), List.of());
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Parses {@code text}; problems name {@code fileName} and the line. */
  public static DotEnvFile parse(String text, String fileName) {
    Map<String, String> values = new LinkedHashMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      String where = fileName + " line " + (i + 1);
      if (equals < 1) {
        problems.add(new ConfigProblem(where, "is not NAME=value"));
        continue;
      }
      String name = line.substring(0, equals).strip();
      if (!NAME.matcher(name).matches()) {
        problems.add(new ConfigProblem(where, "\"" + name + "\" is not a variable name (letters, digits and _)"));
        continue;
      }
      String raw = line.substring(equals + 1).strip();
      try {
        values.put(name, unquote(raw));
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(where, name + ": " + e.getMessage()));
      }
    }
    return new DotEnvFile(Map.copyOf(values), List.copyOf(problems));
  }

  private static String unquote(String raw) {
    if (raw.startsWith("'")) {
      int end = raw.indexOf('\'', 1);
      if (end < 0) {
        throw new IllegalArgumentException("the single quote is not closed");
      }
      requireOnlyComment(raw.substring(end + 1));
      return raw.substring(1, end);
    }
    if (raw.startsWith("\"")) {
      StringBuilder value = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '\\' && i + 1 < raw.length()) {
          char next = raw.charAt(++i);
          value.append(next == 'n' ? '\n' : next);
        } else if (c == '"') {
          requireOnlyComment(raw.substring(i + 1));
          return value.toString();
        } else {
          value.append(c);
        }
      }
      throw new IllegalArgumentException("the double quote is not closed");
    }
    // An unquoted value ends at " #", so a comment may follow it; a '#' inside a value (a password) stays.
    int comment = raw.indexOf(" #");
    return (comment < 0 ? raw : raw.substring(0, comment)).strip();
  }

  private static void requireOnlyComment(String rest) {
    String tail = rest.strip();
    if (!tail.isEmpty() && !tail.startsWith("#")) {
      throw new IllegalArgumentException("unexpected text after the closing quote");
    }
  }

  public Map<String, String> values() {
    return values;
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
