package dev.rei.adapters.providers.kling;

import static dev.rei.adapters.providers.kling.KlingVideoProviderTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.adapters.providers.TestJobs;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.provider.KeyId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Polling a Kling task: progress, the download of the result, and how each end is classified. */
class KlingPollTest extends KlingTestServer {

  private static final byte[] VIDEO = sampleVideoBytes(4096);

  @Test
  void givenAProcessingTask_poll_queriesItsEndpoint_withTheSameKey_andIsPendingWithAnEstimate() throws Exception {
    server.enqueue(status("processing"));
    clock.advance(Duration.ofMinutes(2));

    Outcome outcome = provider.poll(task(KEY_1));

    assertThat(outcome).isInstanceOf(Outcome.Pending.class);
    Outcome.Pending pending = (Outcome.Pending) outcome;
    assertThat(pending.taskId()).isEqualTo(task(KEY_1).taskId());
    assertThat(pending.pollAfter()).isEqualTo(POLL);
    assertThat(pending.progress().percent())
        .isEqualTo(KlingProgress.estimate(Duration.ofMinutes(2), KlingSettings.DEFAULT_TYPICAL_DURATION))
        .isBetween(50, 70);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/v1/videos/text2video/" + TASK_ID);
    assertThat(request.getHeader("Authorization")).startsWith("Bearer ");
    String claims = new String(java.util.Base64.getUrlDecoder().decode(
        request.getHeader("Authorization").substring(7).split("\\.")[1]));
    assertThat(claims).contains("\"iss\":\"" + ACCESS_1 + "\"");
  }

  @Test
  void progress_risesWithEveryPoll_andStopsAt95_untilTheVideoIsThere() {
    List<Integer> seen = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      server.enqueue(status(i == 0 ? "submitted" : "processing"));
      seen.add(((Outcome.Pending) provider.poll(task(KEY_0))).progress().percent());
      clock.advance(Duration.ofMinutes(i < 8 ? 1 : 60));
    }

    assertThat(seen).isSorted();
    assertThat(seen.get(0)).isEqualTo(1);
    assertThat(seen.get(4)).isGreaterThan(seen.get(3));
    assertThat(seen.get(seen.size() - 1)).isEqualTo(95);
  }

  @Test
  void givenImageAndOmniTasks_poll_queriesTheEndpointThatMadeThem() throws Exception {
    server.enqueue(status("processing"));
    server.enqueue(status("processing"));

    provider.poll(new ProviderTask(KEY_0, "kling1:i2v:" + TestJobs.T0.getEpochSecond() + ":" + TASK_ID));
    provider.poll(new ProviderTask(KEY_0, "kling1:omni:" + TestJobs.T0.getEpochSecond() + ":" + TASK_ID));

    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/videos/image2video/" + TASK_ID);
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/videos/omni-video/" + TASK_ID);
  }

  @Test
  void givenASucceededTask_poll_downloadsTheVideo_withoutCredentials_intoTheMediaStore() throws Exception {
    server.enqueue(succeeded("/cdn/kling/result.mp4"));
    server.enqueue(new MockResponse().setHeader("Content-Type", "video/mp4").setBody(new Buffer().write(VIDEO)));

    Outcome outcome = provider.poll(task(KEY_0));

    assertThat(outcome).isInstanceOf(Outcome.Done.class);
    MediaStore.Media stored = media.get(((Outcome.Done) outcome).result().value()).orElseThrow();
    assertThat(stored.contentType()).isEqualTo("video/mp4");
    assertThat(stored.content()).isEqualTo(VIDEO);
    server.takeRequest();
    RecordedRequest download = server.takeRequest();
    assertThat(download.getPath()).isEqualTo("/cdn/kling/result.mp4");
    assertThat(download.getHeader("Authorization")).isNull();
  }

  @Test
  void givenAVideoServedWithoutAVideoType_theResult_isStoredAsMp4() {
    server.enqueue(succeeded("/cdn/result"));
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream")
        .setBody(new Buffer().write(VIDEO)));

    Outcome outcome = provider.poll(task(KEY_0));

    assertThat(media.get(((Outcome.Done) outcome).result().value()).orElseThrow().contentType())
        .isEqualTo("video/mp4");
  }

  @Test
  void givenAVideoLargerThanTheLimit_poll_failsUnknown_withoutKeepingIt() {
    provider.close();
    provider = new KlingVideoProvider(settings().withMaxVideoBytes(2048), media, clock);
    server.enqueue(succeeded("/cdn/big.mp4"));
    // Chunked: no Content-Length to refuse it early, so the read itself must stop.
    server.enqueue(new MockResponse().setHeader("Content-Type", "video/mp4").setChunkedBody(new Buffer().write(VIDEO),
        512));
    server.enqueue(succeeded("/cdn/big.mp4"));
    server.enqueue(new MockResponse().setHeader("Content-Type", "video/mp4").setBody(new Buffer().write(VIDEO)));

    assertFailed(provider.poll(task(KEY_0)), FailureClass.UNKNOWN, "larger than");
    assertFailed(provider.poll(task(KEY_0)), FailureClass.UNKNOWN, "larger than");
    assertThat(media.size()).isZero();
  }

  @Test
  void givenTheFileServerFailsForNow_poll_staysPending_andTheNextPollFetchesTheVideo() {
    server.enqueue(succeeded("/cdn/result.mp4"));
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(succeeded("/cdn/result.mp4"));
    server.enqueue(new MockResponse().setHeader("Content-Type", "video/mp4").setBody(new Buffer().write(VIDEO))
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(succeeded("/cdn/result.mp4"));
    server.enqueue(new MockResponse().setHeader("Content-Type", "video/mp4").setBody(new Buffer().write(VIDEO)));

    assertThat(provider.poll(task(KEY_0))).isInstanceOf(Outcome.Pending.class);
    assertThat(provider.poll(task(KEY_0))).isInstanceOf(Outcome.Pending.class);
    Outcome third = provider.poll(task(KEY_0));

    assertThat(third).isInstanceOf(Outcome.Done.class);
    assertThat(media.size()).isEqualTo(1);
  }

  @Test
  void givenTheFileIsGone_poll_failsTemporary_soTheJobTriesAgain() {
    server.enqueue(succeeded("/cdn/gone.mp4"));
    server.enqueue(new MockResponse().setResponseCode(404));

    assertFailed(provider.poll(task(KEY_0)), FailureClass.TEMPORARY, "HTTP 404");
  }

  @Test
  void givenASucceededTaskWithoutVideos_poll_failsTemporary() {
    server.enqueue(json(200, payload("query-status.json", Map.of("TASK_ID", TASK_ID, "STATUS", "succeed"))));

    assertFailed(provider.poll(task(KEY_0)), FailureClass.TEMPORARY, "no video");
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', value = {
      "Failure to pass the risk control system | USER_VIOLATION",
      "The content may violate the community guidelines | USER_VIOLATION",
      "触发内容审核 | USER_VIOLATION",
      "Account balance not enough | BILLING",
      "Resource pack depleted | BILLING",
      "Internal error, please try again | TEMPORARY",
      "'' | TEMPORARY"})
  void givenAFailedTask_poll_classifiesItsStatusMessage(String reason, FailureClass expected) {
    server.enqueue(json(200, payload("query-failed.json", Map.of("TASK_ID", TASK_ID, "REASON", reason))));

    Outcome outcome = provider.poll(task(KEY_0));

    assertFailed(outcome, expected, "Kling failed the task");
    if (!reason.isEmpty()) {
      assertThat(((Outcome.Failed) outcome).failure().message()).contains(reason);
    }
  }

  @Test
  void givenTheQueryItselfFailsForNow_poll_staysPending_ratherThanPayingForANewGeneration() {
    server.enqueue(error(500, 5000, "Server internal error"));
    server.enqueue(error(429, 1302, "The API request is too fast"));
    server.enqueue(json(200, "<html>bad gateway</html>"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

    Outcome internal = provider.poll(task(KEY_0));
    Outcome tooFast = provider.poll(task(KEY_0));
    Outcome mangled = provider.poll(task(KEY_0));
    Outcome dropped = provider.poll(task(KEY_0));

    assertThat(List.of(internal, tooFast, mangled, dropped)).allMatch(Outcome.Pending.class::isInstance);
    assertThat(((Outcome.Pending) internal).pollAfter()).isEqualTo(POLL);
    assertThat(((Outcome.Pending) tooFast).pollAfter()).isEqualTo(KlingVideoProvider.RATE_LIMITED_POLL);
  }

  @Test
  void givenAnUnknownStatus_poll_staysPending() {
    server.enqueue(status("queueing"));

    assertThat(provider.poll(task(KEY_0))).isInstanceOf(Outcome.Pending.class);
  }

  @Test
  void givenTheKeyIsRefused_orTheTaskUnknown_pollFails() {
    server.enqueue(error(401, 1000, "Authentication failed"));
    server.enqueue(error(404, 1203, "task not found"));

    assertFailed(provider.poll(task(KEY_0)), FailureClass.BILLING, "code 1000");
    assertFailed(provider.poll(task(KEY_0)), FailureClass.UNKNOWN, "code 1203");
  }

  @Test
  void givenATaskThatIsNotKlings_orAKeyNoLongerConfigured_pollFailsUnknown_andSendsNothing() {
    assertFailed(provider.poll(new ProviderTask(KEY_0, "sim1:1:2:done-abc")), FailureClass.UNKNOWN,
        "not a Kling task");
    assertFailed(provider.poll(new ProviderTask(KEY_0, "kling1:t2v:1:../../etc")), FailureClass.UNKNOWN,
        "not a Kling task");
    assertFailed(provider.poll(task(new KeyId(KlingVideoProvider.NAME, 7))), FailureClass.UNKNOWN, "kling#7");
    assertThat(server.getRequestCount()).isZero();
  }

  private MockResponse succeeded(String path) {
    return json(200, payload("query-succeed.json", Map.of("TASK_ID", TASK_ID, "VIDEO_URL",
        server.url(path).toString())));
  }

  /** Bytes that start like an MP4; the provider does not look inside. */
  private static byte[] sampleVideoBytes(int size) {
    byte[] bytes = new byte[size];
    byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    System.arraycopy(head, 0, bytes, 0, head.length);
    for (int i = head.length; i < size; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }
}
