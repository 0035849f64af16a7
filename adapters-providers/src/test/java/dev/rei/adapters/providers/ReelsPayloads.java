package dev.rei.adapters.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/** The KIE and OpenAI payloads of {@code /kie/*.json} and {@code /openai/*.json}, and JSON answers for MockWebServer. */
public final class ReelsPayloads {

  private ReelsPayloads() {}

  /** The payload {@code path} (e.g. "kie/create-ok.json") with each {@code ${VAR}} replaced. */
  public static String payload(String path, Map<String, String> variables) {
    try (InputStream in = ReelsPayloads.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no payload " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> variable : variables.entrySet()) {
        text = text.replace("${" + variable.getKey() + "}", variable.getValue());
      }
      if (text.contains("${")) {
        throw new IllegalArgumentException("payload " + path + " has a variable left: " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String payload(String path) {
    return payload(path, Map.of());
  }

  public static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(body);
  }

  /** A tiny file that starts like an MP4: a 24-byte "ftyp" box and some bytes. */
  public static byte[] mp4(int size) {
    byte[] bytes = new byte[Math.max(size, 32)];
    byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4',
        '1'};
    System.arraycopy(head, 0, bytes, 0, head.length);
    for (int i = head.length; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }
}
