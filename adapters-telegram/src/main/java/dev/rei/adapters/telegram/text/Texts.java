package dev.rei.adapters.telegram.text;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bot's words in each {@link Language}, from {@code <catalogue>_ru.properties} (the default) and
 * {@code <catalogue>_en.properties} for each of {@link #CATALOGUES}, formatted with ICU MessageFormat so plurals follow each
 * language's rules ("1 кредит / 2 кредита / 5 кредитов"). A {@link Credits} argument is written
 * through the {@code credits} pattern.
 */
public final class Texts {

  static final String RESOURCE_DIRECTORY = "/dev/rei/adapters/telegram/text/";
  /** One catalogue per area, so each area's words live (and are edited) apart; a key must be in one only. */
  static final List<String> CATALOGUES = List.of("messages", "video", "payments", "admin", "images", "support");

  private final Map<Language, Map<String, String>> patterns;

  Texts(Map<Language, Map<String, String>> patterns) {
    Map<Language, Map<String, String>> copy = new EnumMap<>(Language.class);
    patterns.forEach((language, byKey) -> copy.put(language, Map.copyOf(byKey)));
    this.patterns = Collections.unmodifiableMap(copy);
    if (!this.patterns.containsKey(Language.RU)) {
      throw new IllegalArgumentException("the Russian texts are the default and must exist");
    }
  }

  /** The texts shipped in this module's resources. */
  public static Texts load() {
    Map<Language, Map<String, String>> patterns = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      Map<String, String> merged = new HashMap<>();
      for (String catalogue : CATALOGUES) {
        String resource = RESOURCE_DIRECTORY + catalogue + "_" + language.code() + ".properties";
        read(resource).forEach((key, pattern) -> {
          if (merged.put(key, pattern) != null) {
            throw new IllegalStateException("text " + key + " is defined twice; again in " + resource);
          }
        });
      }
      patterns.put(language, merged);
    }
    return new Texts(patterns);
  }

  private static Map<String, String> read(String resource) {
    try (InputStream in = Texts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Properties properties = new Properties();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      Map<String, String> byKey = new HashMap<>();
      properties.stringPropertyNames().forEach(key -> byKey.put(key, properties.getProperty(key)));
      return byKey;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * The text {@code key} in {@code language}, with {@code namedArguments} given as name, value,
   * name, value… A key missing in {@code language} falls back to Russian.
   */
  public String text(Language language, String key, Object... namedArguments) {
    if (namedArguments.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name, value pairs");
    }
    Map<String, Object> arguments = new HashMap<>();
    for (int i = 0; i < namedArguments.length; i += 2) {
      arguments.put((String) namedArguments[i], namedArguments[i + 1]);
    }
    return format(language, key, arguments);
  }

  public String format(Language language, String key, Map<String, Object> arguments) {
    Objects.requireNonNull(language, "language");
    Map<String, Object> prepared = new HashMap<>();
    arguments.forEach((name, value) -> prepared.put(name, value instanceof Credits credits
        ? credits(language, credits.value()) : value));
    MessageFormat format = new MessageFormat(pattern(language, key), locale(language));
    return format.format(prepared);
  }

  /** An amount of credits in words: "5 кредитов", "1 credit". */
  public String credits(Language language, long amount) {
    return new MessageFormat(pattern(language, "credits"), locale(language)).format(Map.of("n", amount));
  }

  public boolean has(Language language, String key) {
    return patterns.getOrDefault(language, Map.of()).containsKey(key);
  }

  /** Every key of {@code language}, sorted; for the test that the catalogues match. */
  public Set<String> keys(Language language) {
    return Collections.unmodifiableSet(new TreeSet<>(patterns.getOrDefault(language, Map.of()).keySet()));
  }

  String pattern(Language language, String key) {
    String pattern = patterns.getOrDefault(language, Map.of()).get(key);
    if (pattern == null) {
      pattern = patterns.get(Language.RU).get(key);
    }
    if (pattern == null) {
      throw new IllegalArgumentException("no text " + key);
    }
    return pattern;
  }

  private static ULocale locale(Language language) {
    return new ULocale(language.code());
  }
}
