package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP calls to the emulator, for what a library would hide: status codes, encodings, spellings. */
final class RawBotApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String token;

  RawBotApi(BotApiEmulator emulator) {
    this(emulator.baseUrl(), emulator.token());
  }

  RawBotApi(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** An answer: the HTTP status and the JSON body. */
  record Answer(int status, JsonNode body) {

    boolean ok() {
      return body.path("ok").asBoolean(false);
    }

    String description() {
      return body.path("description").asText(null);
    }

    JsonNode result() {
      return body.path("result");
    }
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  Answer json(String method, JsonNode params) {
    return rawJson(method, params.toString());
  }

  Answer rawJson(String method, String body) {
    return rawBody(method, "application/json", body);
  }

  Answer rawBody(String method, String contentType, String body) {
    return send(HttpRequest.newBuilder(uri(method))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer form(String method, Map<String, String> params) {
    String body = params.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(method))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
  }

  Answer multipart(String method, Map<String, String> fields, String fileField, String fileName, byte[] file) {
    String boundary = "emulator-test-boundary-7MA4YWxk";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(method))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  byte[] download(String filePath) {
    try {
      HttpResponse<byte[]> response = HTTP.send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/file/bot" + token + "/" + filePath)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("download answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  private URI uri(String method) {
    return URI.create(baseUrl + "/bot" + token + "/" + method);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
