package dev.rei.bootstrap.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;

/** Provider answers for the end-to-end tests: the JSON of {@code /e2e/*} with its {@code ${VAR}}s filled in, and a real MP4. */
final class Payloads {

  /** A real, playable MP4: the portrait sample the simulated provider ships with. */
  static final byte[] MP4 = resource("/dev/rei/adapters/providers/simulated/video-9x16.mp4");

  private Payloads() {}

  /** {@code name} under {@code /e2e/} with each {@code ${VAR}} replaced. */
  static String payload(String name, Map<String, String> variables) {
    String text = new String(resource("/e2e/" + name), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      text = text.replace("${" + variable.getKey() + "}", variable.getValue());
    }
    return text;
  }

  static MockResponse json(int httpStatus, String body) {
    return new MockResponse().setResponseCode(httpStatus)
        .setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
  }

  static MockResponse mp4() {
    return new MockResponse().setHeader("Content-Type", "video/mp4").setBody(new Buffer().write(MP4));
  }

  private static byte[] resource(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
