package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parameters of a Bot API request from its query string and body, in each of the three encodings the
 * Bot API accepts: JSON, URL-encoded form and multipart/form-data.
 */
final class RequestParser {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PART_NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern PART_FILE_NAME = Pattern.compile("(?:^|;)\\s*filename=\"([^\"]*)\"",
      Pattern.CASE_INSENSITIVE);
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

  private final ObjectMapper json;

  RequestParser(ObjectMapper json) {
    this.json = json;
  }

  ApiParams parse(String rawQuery, String contentType, byte[] body) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Map<String, Upload> uploads = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      readForm(rawQuery, values);
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (body.length > 0) {
      if (type.startsWith("multipart/form-data")) {
        readMultipart(contentType, body, values, uploads);
      } else if (type.startsWith("application/x-www-form-urlencoded")) {
        readForm(new String(body, StandardCharsets.UTF_8), values);
      } else {
        // TelegramBots and most clients send JSON; a body without a content type is read as JSON as well.
        readJson(body, values);
      }
    }
    return new ApiParams(json, values, uploads);
  }

  private void readJson(byte[] body, Map<String, JsonNode> values) {
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (IOException malformed) {
      throw ApiRefusal.badRequest("can't parse JSON encoded request: " + firstLine(malformed.getMessage()));
    }
    if (tree == null || tree.isMissingNode()) {
      return;
    }
    if (!tree.isObject()) {
      throw ApiRefusal.badRequest("JSON encoded request must be an object");
    }
    tree.properties().forEach(field -> values.put(field.getKey(), field.getValue()));
  }

  private static void readForm(String form, Map<String, JsonNode> values) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
            TextNode.valueOf(URLDecoder.decode(value, StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException malformed) {
        throw ApiRefusal.badRequest("can't parse URL encoded parameter " + name);
      }
    }
  }

  private static void readMultipart(
      String contentType, byte[] body, Map<String, JsonNode> values, Map<String, Upload> uploads) {
    Matcher boundaryMatch = BOUNDARY.matcher(contentType);
    if (!boundaryMatch.find()) {
      throw ApiRefusal.badRequest("multipart/form-data request without a boundary");
    }
    String boundary = boundaryMatch.group(1) != null ? boundaryMatch.group(1) : boundaryMatch.group(2);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int position = indexOf(body, delimiter, 0);
    if (position < 0) {
      throw ApiRefusal.badRequest("can't parse multipart/form-data request");
    }
    position += delimiter.length;
    while (true) {
      if (startsWith(body, position, new byte[] {'-', '-'})) {
        return;
      }
      if (!startsWith(body, position, CRLF)) {
        throw ApiRefusal.badRequest("can't parse multipart/form-data request");
      }
      int headersStart = position + CRLF.length;
      int headersEnd = indexOf(body, HEADERS_END, headersStart);
      if (headersEnd < 0) {
        throw ApiRefusal.badRequest("can't parse multipart/form-data request");
      }
      int contentStart = headersEnd + HEADERS_END.length;
      int contentEnd = indexOf(body, nextDelimiter, contentStart);
      if (contentEnd < 0) {
        throw ApiRefusal.badRequest("can't parse multipart/form-data request");
      }
      readPart(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
          Arrays.copyOfRange(body, contentStart, contentEnd), values, uploads);
      position = contentEnd + nextDelimiter.length;
    }
  }

  private static void readPart(
      String headers, byte[] content, Map<String, JsonNode> values, Map<String, Upload> uploads) {
    String disposition = null;
    String partType = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-disposition")) {
        disposition = value;
      } else if (header.equals("content-type")) {
        partType = value;
      }
    }
    if (disposition == null) {
      throw ApiRefusal.badRequest("multipart part without Content-Disposition");
    }
    Matcher name = PART_NAME.matcher(disposition);
    if (!name.find()) {
      throw ApiRefusal.badRequest("multipart part without a name");
    }
    Matcher fileName = PART_FILE_NAME.matcher(disposition);
    if (fileName.find()) {
      uploads.put(name.group(1), new Upload(fileName.group(1), partType, content));
    } else {
      values.put(name.group(1), TextNode.valueOf(new String(content, StandardCharsets.UTF_8)));
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    int last = haystack.length - needle.length;
    for (int i = Math.max(from, 0); i <= last; i++) {
      if (haystack[i] == needle[0] && startsWith(haystack, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
