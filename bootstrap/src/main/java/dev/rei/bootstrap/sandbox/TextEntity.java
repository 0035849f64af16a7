package dev.rei.bootstrap.sandbox;

import java.util.Objects;

/**
 * A formatted span of a message's text, as Telegram's MessageEntity: offsets and lengths in UTF-16 code units.
 *
 * @param type the Bot API entity type, such as {@code "bold"}, {@code "text_link"} or {@code "bot_command"}
 * @param offset where the span starts
 * @param length how long it is, positive
 * @param url the target of a {@code text_link}, else null
 * @param language the language of a {@code pre} block, else null
 */
public record TextEntity(String type, int offset, int length, String url, String language) {

  public TextEntity {
    Objects.requireNonNull(type, "type");
    if (offset < 0 || length <= 0) {
      throw new IllegalArgumentException("an entity covers a non-empty span at a non-negative offset");
    }
  }

  /** An entity without a url or language. */
  public static TextEntity of(String type, int offset, int length) {
    return new TextEntity(type, offset, length, null, null);
  }
}
