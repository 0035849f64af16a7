package dev.rei.bootstrap.http;

/** The little JSON the health endpoints write: strings escaped by RFC 8259, numbers, and maps of them. */
final class Json {

  private Json() {}

  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A number, a boolean, a string, or a map of those (nested as deep as needed), as JSON. */
  static String value(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof java.util.Map<?, ?> map) {
      StringBuilder json = new StringBuilder("{");
      map.forEach((name, item) -> json.append(json.length() == 1 ? "" : ",").append(string(String.valueOf(name)))
          .append(':').append(value(item)));
      return json.append('}').toString();
    }
    return string(String.valueOf(value));
  }
}
