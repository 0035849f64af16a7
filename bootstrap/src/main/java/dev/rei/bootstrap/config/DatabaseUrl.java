package dev.rei.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code DATABASE_URL} in either form operators paste: {@code postgres://user:pw@host:port/db?opts}
 * (Heroku, Render, Supabase…) or {@code jdbc:postgresql://host/db?user=…&password=…}. Credentials are
 * taken out of the URL, so the JDBC URL that is kept can be logged.
 */
final class DatabaseUrl {

  private DatabaseUrl() {}

  /** What the URL says; the credentials are empty when it names none. */
  record Parsed(String jdbcUrl, Optional<String> user, Optional<String> password) {}

  /** Parses {@code url}; an {@link IllegalArgumentException} says what is wrong, without echoing a password. */
  static Parsed parse(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return parseJdbc(url);
    }
    if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      return parseUri(url);
    }
    throw new IllegalArgumentException("must start with postgres://, postgresql:// or jdbc:postgresql:");
  }

  private static Parsed parseUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a valid URL (special characters in the password must be %-encoded)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("names no host (expected postgres://user:password@host:port/database)");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.length() < 2) {
      throw new IllegalArgumentException("names no database (expected postgres://user:password@host:port/database)");
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon))).filter(u -> !u.isEmpty());
      password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)))
          .filter(p -> !p.isEmpty());
    }
    Query query = Query.split(uri.getRawQuery());
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + path + query.rest();
    Optional<String> userInfoUser = user;
    Optional<String> userInfoPassword = password;
    return new Parsed(jdbc, query.user().or(() -> userInfoUser), query.password().or(() -> userInfoPassword));
  }

  private static Parsed parseJdbc(String url) {
    int question = url.indexOf('?');
    String base = question < 0 ? url : url.substring(0, question);
    Query query = Query.split(question < 0 ? null : url.substring(question + 1));
    if (base.length() <= "jdbc:postgresql:".length()) {
      throw new IllegalArgumentException("names no database (expected jdbc:postgresql://host:port/database)");
    }
    return new Parsed(base + query.rest(), query.user(), query.password());
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** A query string with {@code user} and {@code password} taken out. */
  private record Query(Optional<String> user, Optional<String> password, String rest) {

    static Query split(String rawQuery) {
      Optional<String> user = Optional.empty();
      Optional<String> password = Optional.empty();
      List<String> kept = new ArrayList<>();
      if (rawQuery != null && !rawQuery.isEmpty()) {
        for (String pair : rawQuery.split("&")) {
          int equals = pair.indexOf('=');
          String key = equals < 0 ? pair : pair.substring(0, equals);
          String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
          if (key.equals("user")) {
            user = Optional.of(value).filter(v -> !v.isEmpty());
          } else if (key.equals("password")) {
            password = Optional.of(value).filter(v -> !v.isEmpty());
          } else if (!pair.isEmpty()) {
            kept.add(pair);
          }
        }
      }
      return new Query(user, password, kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }
  }
}
