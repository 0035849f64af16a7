package dev.rei.adapters.providers.gemini;

import static dev.rei.adapters.providers.gemini.GeminiImageProviderTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.FailureClass;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way Gemini can say no, with the failure class it maps to: by Gemini's own status, reason
 * and error details, not by the HTTP code alone.
 */
class GeminiFailureMappingTest extends GeminiTestServer {

  @ParameterizedTest(name = "prompt blocked for {0}")
  @ValueSource(strings = {"SAFETY", "OTHER", "BLOCKLIST", "PROHIBITED_CONTENT", "IMAGE_SAFETY", "A_REASON_ADDED_LATER"})
  void givenPromptBlocked_itIsAUserViolation(String reason) {
    server.enqueue(json(200, payload("prompt-blocked.json", Map.of("BLOCK_REASON", reason))));

    Outcome outcome = generate("something forbidden");

    assertFailed(outcome, FailureClass.USER_VIOLATION);
    assertThat(((Outcome.Failed) outcome).failure().message()).contains(reason);
  }

  @Test
  void givenTheUnsetBlockReason_andNoCandidate_nothingWasBlocked_butNothingMade() {
    server.enqueue(json(200, payload("prompt-blocked.json", Map.of("BLOCK_REASON", "BLOCK_REASON_UNSPECIFIED"))));

    assertFailed(generate("a fox"), FailureClass.TEMPORARY);
  }

  @ParameterizedTest(name = "output stopped for {0}")
  @ValueSource(strings = {"SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_SAFETY",
      "IMAGE_PROHIBITED_CONTENT", "RECITATION", "IMAGE_RECITATION"})
  void givenOutputStoppedForPolicy_itIsAUserViolation(String finishReason) {
    server.enqueue(json(200, payload("output-stopped.json", Map.of("FINISH_REASON", finishReason))));

    Outcome outcome = generate("something forbidden");

    assertFailed(outcome, FailureClass.USER_VIOLATION);
    assertThat(((Outcome.Failed) outcome).failure().message()).contains(finishReason).contains("Prohibited Use");
  }

  @ParameterizedTest(name = "no image, finish reason {0}")
  @ValueSource(strings = {"NO_IMAGE", "IMAGE_OTHER", "OTHER", "MAX_TOKENS", "STOP", "LANGUAGE", "SOMETHING_NEW"})
  void givenNoImageForNoPolicyReason_itIsTemporary(String finishReason) {
    server.enqueue(json(200, payload("output-stopped.json", Map.of("FINISH_REASON", finishReason))));

    assertFailed(generate("a fox"), FailureClass.TEMPORARY);
  }

  @Test
  void givenOnlyText_itIsTemporary_andTheFailureQuotesTheText() {
    server.enqueue(json(200, payload("text-only.json")));

    Outcome outcome = generate("a famous person");

    assertFailed(outcome, FailureClass.TEMPORARY);
    assertThat(((Outcome.Failed) outcome).failure().message()).contains("STOP").contains("I can't create images");
  }

  @Test
  void givenNoImageFinishReason_orNoCandidates_itIsTemporary() {
    server.enqueue(json(200, payload("no-image.json")));
    server.enqueue(json(200, payload("no-candidates.json")));

    assertFailed(generate("a fox"), FailureClass.TEMPORARY);
    assertFailed(generate("a fox"), FailureClass.TEMPORARY);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("error-invalid-argument.json", 400, FailureClass.UNKNOWN),
        Arguments.of("error-api-key-invalid.json", 400, FailureClass.BILLING),
        Arguments.of("error-location.json", 400, FailureClass.BILLING),
        Arguments.of("error-unauthenticated.json", 401, FailureClass.BILLING),
        Arguments.of("error-permission-denied.json", 403, FailureClass.BILLING),
        Arguments.of("error-not-found.json", 404, FailureClass.UNKNOWN),
        Arguments.of("error-rate-per-minute.json", 429, FailureClass.RATE_LIMIT),
        Arguments.of("error-quota-per-day.json", 429, FailureClass.BILLING),
        Arguments.of("error-quota-zero.json", 429, FailureClass.BILLING),
        Arguments.of("error-internal.json", 500, FailureClass.TEMPORARY),
        Arguments.of("error-unavailable.json", 503, FailureClass.TEMPORARY),
        Arguments.of("error-deadline.json", 504, FailureClass.TEMPORARY));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("errors")
  void givenGeminiError_itMapsByItsStatusAndDetails(String payload, int httpCode, FailureClass expected) {
    server.enqueue(json(httpCode, payload(payload)));

    Outcome outcome = generate("a fox");

    assertFailed(outcome, expected);
    assertThat(((Outcome.Failed) outcome).failure().message()).startsWith("Gemini HTTP " + httpCode);
  }

  @Test
  void givenQuotaErrors_theFailureNamesTheQuota() {
    server.enqueue(json(429, payload("error-quota-per-day.json")));

    Outcome outcome = generate("a fox");

    assertThat(((Outcome.Failed) outcome).failure().message()).contains("RESOURCE_EXHAUSTED")
        .contains("GenerateRequestsPerDayPerProjectPerModel");
  }

  static Stream<Arguments> errorsWithoutGeminiBody() {
    return Stream.of(
        Arguments.of(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", FailureClass.TEMPORARY),
        Arguments.of(503, "", FailureClass.TEMPORARY),
        Arguments.of(429, "", FailureClass.RATE_LIMIT),
        Arguments.of(401, "Unauthorized", FailureClass.BILLING),
        Arguments.of(403, "{\"error\":", FailureClass.BILLING),
        Arguments.of(408, "", FailureClass.TEMPORARY),
        Arguments.of(418, "{\"error\": 42}", FailureClass.UNKNOWN));
  }

  @ParameterizedTest(name = "HTTP {0} with a body that is not Gemini's → {2}")
  @MethodSource("errorsWithoutGeminiBody")
  void givenErrorWithoutGeminiBody_theHttpCodeDecides(int httpCode, String body, FailureClass expected) {
    server.enqueue(new MockResponse().setResponseCode(httpCode).setBody(body));

    assertFailed(generate("a fox"), expected);
  }

  @Test
  void givenMalformedJson_orBadBase64_orNoBody_after200_itIsTemporary() {
    server.enqueue(json(200, "{\"candidates\": [{\"content\": {\"parts\": [{\"inlineData\": {\"mimeType\": \"image/png\""));
    server.enqueue(json(200, payload("image-generated.json", Map.of("IMAGE_BASE64", "not base64 at all!!"))));
    server.enqueue(json(200, ""));
    server.enqueue(json(200, "[1, 2, 3]"));
    server.enqueue(json(200, "null"));

    for (int i = 0; i < 5; i++) {
      assertFailed(generate("a fox"), FailureClass.TEMPORARY);
    }
  }

  @Test
  void givenNoAnswerWithinTheReadTimeout_itIsTemporary() {
    try (GeminiImageProvider impatient = new GeminiImageProvider(
        settings(GeminiSettings.DEFAULT_MODEL, Duration.ofMillis(300)), media)) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

      Outcome outcome = impatient.submit(dev.rei.adapters.providers.TestJobs.running(
          dev.rei.domain.job.JobKind.IMAGE_GENERATE, Map.of("prompt", "a fox")), KEY_0);

      assertFailed(outcome, FailureClass.TEMPORARY);
      assertThat(((Outcome.Failed) outcome).failure().message()).containsIgnoringCase("timeout");
    }
  }

  @Test
  void givenTheConnectionDropsMidAnswer_itIsTemporary() {
    server.enqueue(json(200, payload("text-only.json")).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

    assertFailed(generate("a fox"), FailureClass.TEMPORARY);
  }

  @Test
  void givenNobodyListening_itIsTemporary() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/").toString();
    closed.shutdown();
    try (GeminiImageProvider unreachable = new GeminiImageProvider(
        new GeminiSettings(url, GeminiSettings.DEFAULT_MODEL, KEYS, Duration.ofSeconds(2), Duration.ofSeconds(2)),
        media)) {

      assertFailed(unreachable.submit(dev.rei.adapters.providers.TestJobs.running(
          dev.rei.domain.job.JobKind.IMAGE_GENERATE, Map.of("prompt", "a fox")), KEY_0), FailureClass.TEMPORARY);
    }
  }

  @Test
  void theScenariosAbove_coverEveryFailureClass() {
    Set<FailureClass> covered = EnumSet.noneOf(FailureClass.class);
    errors().forEach(arguments -> covered.add((FailureClass) arguments.get()[2]));
    errorsWithoutGeminiBody().forEach(arguments -> covered.add((FailureClass) arguments.get()[2]));
    covered.addAll(List.of(FailureClass.USER_VIOLATION, FailureClass.TEMPORARY));

    assertThat(covered).containsExactlyInAnyOrder(FailureClass.values());
  }
}
