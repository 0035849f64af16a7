package dev.rei.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of settings that collect every problem instead of stopping at the first, so an
 * operator sees all of them at once. A failed read returns the default (or a placeholder) so
 * loading can go on; the caller must not use the result when {@link #problems()} is not empty.
 * Problems never quote a secret's value.
 */
final class SettingsReader {

  private final Environment environment;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Set<String> namesRead = new LinkedHashSet<>();

  SettingsReader(Environment environment) {
    this.environment = environment;
    problems.addAll(environment.fileProblems());
  }

  Optional<String> optional(String name) {
    namesRead.add(name);
    return environment.get(name);
  }

  String text(String name, String defaultValue) {
    return optional(name).orElse(defaultValue);
  }

  Optional<Secret> secret(String name) {
    return optional(name).map(Secret::of);
  }

  /** A whole number in {@code [min, max]}. */
  int integer(String name, int defaultValue, int min, int max) {
    return (int) longInteger(name, defaultValue, min, max);
  }

  long longInteger(String name, long defaultValue, long min, long max) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed < min || parsed > max) {
        problem(name, "must be between " + min + " and " + max + ", was " + parsed);
        return defaultValue;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problem(name, "must be a whole number between " + min + " and " + max + ", was " + quoted(value.get()));
      return defaultValue;
    }
  }

  boolean bool(String name, boolean defaultValue) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on":
        return true;
      case "false", "no", "0", "off":
        return false;
      default:
        problem(name, "must be true or false, was " + quoted(value.get()));
        return defaultValue;
    }
  }

  <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
          .reduce((a, b) -> a + " or " + b).orElse("");
      problem(name, "must be " + allowed + ", was " + quoted(value.get()));
      return defaultValue;
    }
  }

  /** Comma-separated whole numbers, none of them {@code 0} or negative. */
  Set<Long> positiveLongs(String name) {
    Optional<String> value = optional(name);
    Set<Long> result = new LinkedHashSet<>();
    if (value.isEmpty()) {
      return result;
    }
    for (String part : value.get().split(",")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      try {
        long parsed = Long.parseLong(item);
        if (parsed <= 0) {
          problem(name, "ids must be positive, found " + parsed);
        } else {
          result.add(parsed);
        }
      } catch (NumberFormatException e) {
        problem(name, "must be comma-separated numeric ids, found " + quoted(item));
      }
    }
    return result;
  }

  /** An absolute {@code http} or {@code https} URL without a trailing slash. */
  URI httpUrl(String name, String defaultValue) {
    String value = text(name, defaultValue);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        problem(name, "must be an http:// or https:// URL, was " + quoted(value));
        return URI.create(defaultValue);
      }
      return URI.create(value.replaceAll("/+$", ""));
    } catch (URISyntaxException e) {
      problem(name, "is not a valid URL: " + e.getReason());
      return URI.create(defaultValue);
    }
  }

  Path path(String name, String defaultValue) {
    String value = text(name, defaultValue);
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      problem(name, "is not a valid path: " + e.getReason());
      return Path.of(defaultValue);
    }
  }

  /** A value that {@code parser} accepts; its {@link IllegalArgumentException} message becomes the problem. */
  <T> T parsed(String name, String defaultValue, Function<String, T> parser) {
    String value = text(name, defaultValue);
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      problem(name, e.getMessage() + ", was " + quoted(value));
      return parser.apply(defaultValue);
    }
  }

  /**
   * A key pool: {@code NAME}, then {@code NAME_1}, {@code NAME_2}… in the order of their numbers,
   * gaps allowed, duplicates dropped.
   */
  List<Secret> secretPool(String name) {
    Pattern numbered = Pattern.compile(Pattern.quote(name) + "_([0-9]{1,4})");
    TreeMap<Integer, String> byNumber = new TreeMap<>();
    for (String candidate : environment.names()) {
      Matcher matcher = numbered.matcher(candidate);
      if (matcher.matches()) {
        namesRead.add(candidate);
        environment.get(candidate).ifPresent(v -> byNumber.put(Integer.parseInt(matcher.group(1)), v));
      }
    }
    Set<String> keys = new LinkedHashSet<>();
    optional(name).ifPresent(keys::add);
    keys.addAll(byNumber.values());
    return keys.stream().map(Secret::of).toList();
  }

  /**
   * A pool of key pairs ({@code FIRST} with {@code SECOND}, {@code FIRST_1} with {@code SECOND_1}…),
   * in the order of their numbers; a half-given pair is a problem, a repeated pair is dropped.
   */
  List<Secret[]> secretPairPool(String first, String second) {
    TreeMap<Integer, String> suffixes = new TreeMap<>();
    suffixes.put(-1, "");
    Pattern numbered = Pattern.compile("(?:" + Pattern.quote(first) + "|" + Pattern.quote(second) + ")_([0-9]{1,4})");
    for (String candidate : environment.names()) {
      Matcher matcher = numbered.matcher(candidate);
      if (matcher.matches()) {
        suffixes.put(Integer.parseInt(matcher.group(1)), "_" + matcher.group(1));
      }
    }
    Map<String, Secret[]> pairs = new java.util.LinkedHashMap<>();
    for (String suffix : suffixes.values()) {
      Optional<String> a = optional(first + suffix);
      Optional<String> b = optional(second + suffix);
      if (a.isPresent() != b.isPresent()) {
        problem(a.isPresent() ? second + suffix : first + suffix, "required with " + (a.isPresent() ? first : second)
            + suffix + ": keys come in pairs");
      } else if (a.isPresent()) {
        pairs.putIfAbsent(a.get() + "\n" + b.get(), new Secret[] {Secret.of(a.get()), Secret.of(b.get())});
      }
    }
    return List.copyOf(pairs.values());
  }

  void problem(String name, String problem) {
    problems.add(new ConfigProblem(name, problem));
  }

  List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  /** Every variable name this reader looked at. */
  Set<String> namesRead() {
    return Set.copyOf(namesRead);
  }

  /** A value shown in a problem, clipped so a pasted blob does not flood the terminal. */
  static String quoted(String value) {
    String clipped = value.length() > 60 ? value.substring(0, 57) + "..." : value;
    return "\"" + clipped + "\"";
  }
}
