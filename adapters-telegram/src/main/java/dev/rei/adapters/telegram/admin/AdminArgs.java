package dev.rei.adapters.telegram.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The words after an admin command, read strictly: a user is a Telegram id or an @username, an
 * amount is a whole number of credits, an id is a UUID, and the rest is the reason. Anything else
 * reads as absent, and the flow answers with the command's usage line.
 */
public final class AdminArgs {

  public static final long MAX_CREDITS = 1_000_000_000L;
  public static final int MAX_REASON_LENGTH = 500;
  /** The reason written when the admin gives none: an audit entry always has one. */
  public static final String NO_REASON = "—";
  private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,15}");
  private static final Pattern USERNAME = Pattern.compile("@?([A-Za-z0-9_]{4,32})");
  private static final Pattern CREDITS = Pattern.compile("[1-9][0-9]{0,9}");
  private static final Pattern UUID_FORM =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final String text;
  private final List<String> words;

  private AdminArgs(String text) {
    this.text = text.strip();
    this.words = this.text.isEmpty() ? List.of() : Arrays.asList(this.text.split("\\s+"));
  }

  /** The arguments of {@code args}: the text after the command. */
  public static AdminArgs of(String args) {
    return new AdminArgs(args == null ? "" : args);
  }

  public int count() {
    return words.size();
  }

  public String word(int index) {
    return words.get(index);
  }

  /** The text after the first {@code skip} words, as typed; blank when there is none. */
  public String rest(int skip) {
    String rest = text;
    for (int i = 0; i < skip && !rest.isEmpty(); i++) {
      rest = rest.substring(Math.min(rest.length(), words.get(i).length())).strip();
    }
    return rest;
  }

  /** The reason after the first {@code skip} words; {@link #NO_REASON} when none; empty when too long. */
  public Optional<String> reason(int skip) {
    String reason = rest(skip);
    if (reason.length() > MAX_REASON_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(reason.isBlank() ? NO_REASON : reason);
  }

  /** Whom an admin names: a Telegram id, or an @username (without the @). */
  public sealed interface Who {
    record Id(long id) implements Who {}

    record Username(String name) implements Who {
      public Username {
        Objects.requireNonNull(name, "name");
      }
    }
  }

  public static Optional<Who> who(String word) {
    if (USER_ID.matcher(word).matches()) {
      return Optional.of(new Who.Id(Long.parseLong(word)));
    }
    var username = USERNAME.matcher(word);
    if (username.matches() && (word.startsWith("@") || !Character.isDigit(word.charAt(0)))) {
      return Optional.of(new Who.Username(username.group(1)));
    }
    return Optional.empty();
  }

  /** A whole, positive number of credits up to {@link #MAX_CREDITS}. */
  public static OptionalLong credits(String word) {
    if (!CREDITS.matcher(word).matches()) {
      return OptionalLong.empty();
    }
    long credits = Long.parseLong(word);
    return credits > MAX_CREDITS ? OptionalLong.empty() : OptionalLong.of(credits);
  }

  public static Optional<UUID> uuid(String word) {
    return UUID_FORM.matcher(word).matches() ? Optional.of(UUID.fromString(word)) : Optional.empty();
  }
}
