package dev.rei.bootstrap.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a parse_mode the way Telegram does: the visible text and its entities, or the "can't parse entities"
 * refusal Telegram gives for markup it rejects (an unknown HTML tag, an unclosed entity, a reserved MarkdownV2
 * character left unescaped). Bots that echo user input without escaping it fail here as they would on Telegram.
 */
final class FormattedText {

  /** The visible text and its formatting. */
  record Parsed(String text, List<TextEntity> entities) {
  }

  private static final Map<String, String> HTML_TAGS = Map.ofEntries(
      Map.entry("b", "bold"), Map.entry("strong", "bold"),
      Map.entry("i", "italic"), Map.entry("em", "italic"),
      Map.entry("u", "underline"), Map.entry("ins", "underline"),
      Map.entry("s", "strikethrough"), Map.entry("strike", "strikethrough"), Map.entry("del", "strikethrough"),
      Map.entry("tg-spoiler", "spoiler"), Map.entry("span", "spoiler"),
      Map.entry("a", "text_link"), Map.entry("tg-emoji", "custom_emoji"),
      Map.entry("code", "code"), Map.entry("pre", "pre"), Map.entry("blockquote", "blockquote"));
  private static final Pattern HTML_ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
  private static final Map<String, String> HTML_CHARACTER_ENTITIES = Map.of(
      "lt", "<", "gt", ">", "amp", "&", "quot", "\"");
  private static final String MARKDOWN_V2_RESERVED = "_*[]()~`>#+-=|{}.!";
  private static final Set<String> PARSE_MODES = Set.of("html", "markdown", "markdownv2");

  private FormattedText() {
  }

  static Parsed parse(String raw, String parseMode) {
    if (parseMode == null || parseMode.isEmpty()) {
      return new Parsed(raw, List.of());
    }
    String mode = parseMode.toLowerCase(Locale.ROOT);
    if (!PARSE_MODES.contains(mode)) {
      throw ApiRefusal.badRequest("unsupported parse_mode");
    }
    return switch (mode) {
      case "html" -> new HtmlParser(raw).parse();
      case "markdownv2" -> new MarkdownParser(raw, true).parse();
      default -> new MarkdownParser(raw, false).parse();
    };
  }

  private static ApiRefusal cannotParse(String detail) {
    return ApiRefusal.badRequest("can't parse entities: " + detail);
  }

  private static int byteOffset(String raw, int index) {
    return raw.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
  }

  private static List<TextEntity> sorted(List<TextEntity> entities) {
    List<TextEntity> copy = new ArrayList<>(entities);
    copy.sort(Comparator.comparingInt(TextEntity::offset).thenComparing(Comparator.comparingInt(TextEntity::length)
        .reversed()));
    return copy;
  }

  private static final class HtmlParser {

    private record Open(String tag, String type, String url, String language, int start) {
    }

    private final String raw;
    private final StringBuilder text = new StringBuilder();
    private final Deque<Open> open = new ArrayDeque<>();
    private final List<TextEntity> entities = new ArrayList<>();

    HtmlParser(String raw) {
      this.raw = raw;
    }

    Parsed parse() {
      int i = 0;
      while (i < raw.length()) {
        char c = raw.charAt(i);
        if (c == '<') {
          i = tag(i);
        } else if (c == '&') {
          i = characterEntity(i);
        } else {
          text.append(c);
          i++;
        }
      }
      if (!open.isEmpty()) {
        throw cannotParse("Can't find end tag corresponding to start tag \"" + open.peek().tag() + "\"");
      }
      return new Parsed(text.toString(), sorted(entities));
    }

    private int tag(int start) {
      int end = raw.indexOf('>', start);
      if (end < 0) {
        throw cannotParse("Unclosed start tag at byte offset " + byteOffset(raw, start));
      }
      String body = raw.substring(start + 1, end).trim();
      if (body.startsWith("/")) {
        closeTag(body.substring(1).trim().toLowerCase(Locale.ROOT), start);
      } else {
        openTag(body, start);
      }
      return end + 1;
    }

    private void openTag(String body, int at) {
      int nameEnd = 0;
      while (nameEnd < body.length() && !Character.isWhitespace(body.charAt(nameEnd)) && body.charAt(nameEnd) != '/') {
        nameEnd++;
      }
      String name = body.substring(0, nameEnd).toLowerCase(Locale.ROOT);
      String type = HTML_TAGS.get(name);
      if (type == null) {
        throw cannotParse("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(raw, at));
      }
      Map<String, String> attributes = attributes(body.substring(nameEnd));
      if (name.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
        throw cannotParse("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(raw, at));
      }
      String language = null;
      if (name.equals("code") && !open.isEmpty() && open.peek().tag().equals("pre")) {
        String languageClass = attributes.getOrDefault("class", "");
        language = languageClass.startsWith("language-") ? languageClass.substring("language-".length()) : null;
      }
      open.push(new Open(name, type, attributes.get("href"), language, text.length()));
    }

    private void closeTag(String name, int at) {
      if (open.isEmpty()) {
        throw cannotParse("Unexpected end tag at byte offset " + byteOffset(raw, at));
      }
      Open top = open.pop();
      if (!top.tag().equals(name)) {
        throw cannotParse("Unmatched end tag at byte offset " + byteOffset(raw, at) + ", expected \"</" + top.tag()
            + ">\", found \"</" + name + ">\"");
      }
      int length = text.length() - top.start();
      if (length == 0) {
        return;
      }
      if (top.type().equals("code") && top.language() != null) {
        // <pre><code class="language-x"> is one pre entity with a language, as Telegram reports it.
        Open pre = open.pop();
        open.push(new Open(pre.tag(), pre.type(), pre.url(), top.language(), pre.start()));
        return;
      }
      if (top.type().equals("text_link") && (top.url() == null || top.url().isBlank())) {
        return;
      }
      entities.add(new TextEntity(top.type(), top.start(), length, top.url(), top.language()));
    }

    private int characterEntity(int start) {
      int semicolon = raw.indexOf(';', start);
      if (semicolon < 0 || semicolon - start > 10) {
        text.append('&');
        return start + 1;
      }
      String name = raw.substring(start + 1, semicolon);
      String decoded = HTML_CHARACTER_ENTITIES.get(name.toLowerCase(Locale.ROOT));
      if (decoded == null && name.startsWith("#")) {
        try {
          int codePoint = name.startsWith("#x") || name.startsWith("#X")
              ? Integer.parseInt(name.substring(2), 16)
              : Integer.parseInt(name.substring(1));
          decoded = new String(Character.toChars(codePoint));
        } catch (IllegalArgumentException notACodePoint) {
          decoded = null;
        }
      }
      if (decoded == null) {
        text.append('&');
        return start + 1;
      }
      text.append(decoded);
      return semicolon + 1;
    }

    private static Map<String, String> attributes(String source) {
      Map<String, String> attributes = new HashMap<>();
      Matcher matcher = HTML_ATTRIBUTE.matcher(source);
      while (matcher.find()) {
        String value = matcher.group(2) != null ? matcher.group(2)
            : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
        attributes.put(matcher.group(1).toLowerCase(Locale.ROOT), value);
      }
      return attributes;
    }
  }

  /** MarkdownV2, or with {@code v2 == false} the legacy Markdown mode (no reserved characters, fewer entities). */
  private static final class MarkdownParser {

    private record Open(String type, String name, int start, int rawIndex) {
    }

    private final String raw;
    private final boolean v2;
    private final StringBuilder text = new StringBuilder();
    private final Map<String, Open> open = new HashMap<>();
    private final List<TextEntity> entities = new ArrayList<>();
    private Open link;

    MarkdownParser(String raw, boolean v2) {
      this.raw = raw;
      this.v2 = v2;
    }

    Parsed parse() {
      int i = 0;
      while (i < raw.length()) {
        i = step(i);
      }
      Open unclosed = link != null ? link
          : open.values().stream().min(Comparator.comparingInt(Open::rawIndex)).orElse(null);
      if (unclosed != null) {
        throw endNotFound(unclosed.name(), unclosed.rawIndex());
      }
      return new Parsed(text.toString(), sorted(entities));
    }

    private int step(int i) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && (v2 ? raw.charAt(i + 1) < 127 : "_*`[".indexOf(raw.charAt(i + 1)) >= 0)) {
        text.append(raw.charAt(i + 1));
        return i + 2;
      }
      if (c == '`') {
        return code(i);
      }
      if (c == '*') {
        toggle("bold", "Bold", i);
        return i + 1;
      }
      if (c == '_') {
        if (v2 && raw.startsWith("__", i)) {
          toggle("underline", "Underline", i);
          return i + 2;
        }
        toggle("italic", "Italic", i);
        return i + 1;
      }
      if (v2 && c == '~') {
        toggle("strikethrough", "Strikethrough", i);
        return i + 1;
      }
      if (v2 && c == '|' && raw.startsWith("||", i)) {
        toggle("spoiler", "Spoiler", i);
        return i + 2;
      }
      if (c == '[' && link == null) {
        link = new Open("text_link", "TextUrl", text.length(), i);
        return i + 1;
      }
      if (c == ']' && link != null && raw.startsWith("(", i + 1)) {
        return linkTarget(i + 2);
      }
      if (v2 && c == '>' && (i == 0 || raw.charAt(i - 1) == '\n')) {
        // A quoted line: Telegram makes it a blockquote; the emulator keeps the text and drops the marker.
        return i + 1;
      }
      if (v2 && MARKDOWN_V2_RESERVED.indexOf(c) >= 0) {
        throw cannotParse("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
      }
      text.append(c);
      return i + 1;
    }

    private int code(int i) {
      boolean pre = raw.startsWith("```", i);
      int contentStart = i + (pre ? 3 : 1);
      String language = null;
      if (pre) {
        int newline = raw.indexOf('\n', contentStart);
        int close = raw.indexOf("```", contentStart);
        if (newline >= 0 && (close < 0 || newline < close)) {
          String firstLine = raw.substring(contentStart, newline);
          if (!firstLine.isBlank() && firstLine.chars().noneMatch(Character::isWhitespace)) {
            language = firstLine;
          }
          contentStart = newline + 1;
        }
      }
      int start = text.length();
      int j = contentStart;
      while (j < raw.length()) {
        char c = raw.charAt(j);
        if (v2 && c == '\\' && j + 1 < raw.length()) {
          text.append(raw.charAt(j + 1));
          j += 2;
        } else if (pre ? raw.startsWith("```", j) : c == '`') {
          int length = text.length() - start;
          if (length > 0) {
            entities.add(new TextEntity(pre ? "pre" : "code", start, length, null, language));
          }
          return j + (pre ? 3 : 1);
        } else {
          text.append(c);
          j++;
        }
      }
      throw endNotFound(pre ? "Pre" : "Code", i);
    }

    private int linkTarget(int urlStart) {
      int close = raw.indexOf(')', urlStart);
      if (close < 0) {
        throw endNotFound("TextUrl", link.rawIndex());
      }
      String url = raw.substring(urlStart, close).replace("\\)", ")").replace("\\\\", "\\");
      int length = text.length() - link.start();
      if (length > 0 && !url.isBlank()) {
        entities.add(new TextEntity("text_link", link.start(), length, url, null));
      }
      link = null;
      return close + 1;
    }

    private void toggle(String type, String name, int rawIndex) {
      Open started = open.remove(type);
      if (started == null) {
        open.put(type, new Open(type, name, text.length(), rawIndex));
        return;
      }
      int length = text.length() - started.start();
      if (length > 0) {
        entities.add(TextEntity.of(type, started.start(), length));
      }
    }

    private ApiRefusal endNotFound(String entityName, int rawIndex) {
      return v2
          ? cannotParse("Can't find end of " + entityName + " entity at byte offset " + byteOffset(raw, rawIndex))
          : cannotParse("Can't find end of the entity starting at byte offset " + byteOffset(raw, rawIndex));
    }
  }
}
