package dev.rei.adapters.providers.kie;

import static dev.rei.adapters.providers.ReelsPayloads.json;
import static dev.rei.adapters.providers.ReelsPayloads.mp4;
import static dev.rei.adapters.providers.ReelsPayloads.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.kie.KieSora2Client.Created;
import dev.rei.adapters.providers.kie.KieSora2Client.Download;
import dev.rei.adapters.providers.kie.KieSora2Client.Record;
import dev.rei.adapters.providers.kie.KieSora2Client.Uploaded;
import dev.rei.domain.job.FailureClass;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KIE's upload, createTask, recordInfo and download against a MockWebServer, with KIE-shaped payloads. */
class KieSora2ClientTest extends KieTestServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PHOTO = "\u00ff\u00d8\u00ff\u00e0 a jpeg, more or less".getBytes(StandardCharsets.ISO_8859_1);

  // ---- upload

  @Test
  void upload_sendsTheBytesAsMultipart_withTheKey_andReturnsKiesUrl() throws Exception {
    String url = "https://tempfile.redpandaai.co/kieai/rei/reels/rei-job.jpg";
    server.enqueue(json(200, payload("kie/upload-ok.json", Map.of("FILE_NAME", "rei-job.jpg", "DOWNLOAD_URL", url))));

    Uploaded uploaded = client.upload(PHOTO, "image/jpeg", "rei-job.jpg", 1);

    assertThat(uploaded).isEqualTo(new Uploaded.At(url));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/api/file-stream-upload");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEYS.get(1));
    assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data");
    byte[] body = request.getBody().readByteArray();
    String text = new String(body, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("name=\"file\"; filename=\"rei-job.jpg\"", "Content-Type: image/jpeg",
        "name=\"uploadPath\"", "rei/reels", "name=\"fileName\"");
    assertThat(text).contains(new String(PHOTO, StandardCharsets.ISO_8859_1));
    assertThat(text).doesNotContain("api.telegram.org");
  }

  @Test
  void givenUploadRefusedInsideA200_orByStatus_itFails() {
    server.enqueue(json(200, payload("kie/upload-failed.json")));
    server.enqueue(json(401, "{\"code\":401,\"msg\":\"You do not have access permissions\"}"));
    server.enqueue(json(200, "{\"success\":true,\"code\":200,\"data\":{\"downloadUrl\":\"not a url\"}}"));

    assertThat(failureOf(client.upload(PHOTO, "image/jpeg", "a.jpg", 0))).isEqualTo(FailureClass.TEMPORARY);
    assertThat(failureOf(client.upload(PHOTO, "image/jpeg", "a.jpg", 0))).isEqualTo(FailureClass.BILLING);
    assertThat(failureOf(client.upload(PHOTO, "image/jpeg", "a.jpg", 0))).isEqualTo(FailureClass.TEMPORARY);
  }

  // ---- createTask

  @Test
  void createTask_sendsSora2ImageToVideo_withTheUploadedUrl_andSettings() throws Exception {
    server.enqueue(json(200, payload("kie/create-ok.json", Map.of("TASK_ID", TASK_ID))));

    Created created = client.createTask("A pillow floats above a bed.", "https://tempfile.redpandaai.co/x.jpg", 0);

    assertThat(created).isEqualTo(new Created.Task(TASK_ID));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/api/v1/jobs/createTask");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEYS.get(0));
    JsonNode body = JSON.readTree(request.getBody().readUtf8());
    assertThat(body.path("model").asText()).isEqualTo("sora-2-image-to-video");
    assertThat(body.has("callBackUrl")).isFalse();
    assertThat(body.at("/input/prompt").asText()).isEqualTo("A pillow floats above a bed.");
    assertThat(body.at("/input/image_urls").toString()).isEqualTo("[\"https://tempfile.redpandaai.co/x.jpg\"]");
    assertThat(body.at("/input/aspect_ratio").asText()).isEqualTo("portrait");
    assertThat(body.at("/input/n_frames").asText()).isEqualTo("15");
    assertThat(body.at("/input/n_frames").isTextual()).isTrue();
    assertThat(body.at("/input/remove_watermark").asBoolean()).isTrue();
  }

  @Test
  void givenACallbackUrl_itIsSent() throws Exception {
    client.close();
    client = new KieSora2Client(settings(1024).withCallbackUrl("https://bot.example/webhooks/kie/s3cret"));
    server.enqueue(json(200, payload("kie/create-ok.json", Map.of("TASK_ID", TASK_ID))));

    client.createTask("p", "https://x.example/a.jpg", 0);

    assertThat(JSON.readTree(server.takeRequest().getBody().readUtf8()).path("callBackUrl").asText())
        .isEqualTo("https://bot.example/webhooks/kie/s3cret");
    assertThat(client.settings().toString()).doesNotContain("s3cret");
  }

  @ParameterizedTest(name = "HTTP 200, code {0} \"{1}\" → {2}")
  @CsvSource(delimiter = '|', value = {
      "402 | Insufficient Credits | BILLING",
      "433 | Sub-key usage exceeded its limit | BILLING",
      "401 | You do not have access permissions | BILLING",
      "429 | The request frequency limit has been exceeded | RATE_LIMIT",
      "455 | Service unavailable - system under maintenance | TEMPORARY",
      "500 | Server error | TEMPORARY",
      "422 | Validation error: n_frames must be 10 or 15 | UNKNOWN",
      "400 | The prompt violates our content policy | USER_VIOLATION",
      "505 | Feature disabled | UNKNOWN",
  })
  void givenAnErrorInsideA200_createTask_classifiesKiesCode(int code, String message, FailureClass expected) {
    server.enqueue(json(200, payload("kie/create-error.json", Map.of("CODE", Integer.toString(code), "MSG", message))));

    Created created = client.createTask("p", "https://x.example/a.jpg", 0);

    assertThat(created).isInstanceOf(Created.Failed.class);
    assertThat(((Created.Failed) created).failure().failureClass()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "HTTP {0} → {1}")
  @CsvSource({"402, BILLING", "429, RATE_LIMIT", "500, TEMPORARY", "503, TEMPORARY", "404, UNKNOWN"})
  void givenAnHttpError_createTask_classifiesTheStatus(int status, FailureClass expected) {
    server.enqueue(new MockResponse().setResponseCode(status).setBody("<html>error</html>"));

    Created created = client.createTask("p", "https://x.example/a.jpg", 0);

    assertThat(((Created.Failed) created).failure().failureClass()).isEqualTo(expected);
  }

  @Test
  void givenBrokenAnswers_createTask_isTemporary() {
    server.enqueue(json(200, "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":"));
    server.enqueue(json(200, "{\"code\":200,\"msg\":\"success\",\"data\":{}}"));
    server.enqueue(json(200, "[]"));

    for (int i = 0; i < 3; i++) {
      assertThat(((Created.Failed) client.createTask("p", "https://x.example/a.jpg", 0)).failure().failureClass())
          .as("answer %d", i).isEqualTo(FailureClass.TEMPORARY);
    }
  }

  // ---- recordInfo

  @Test
  void recordInfo_asksWithTheTaskId_andTheKey() throws Exception {
    server.enqueue(json(200, payload("kie/record-running.json", Map.of("TASK_ID", TASK_ID, "STATE", "waiting",
        "CREATE_TIME", "1772442000000"))));

    Record record = client.recordInfo(TASK_ID, 1);

    assertThat(record).isEqualTo(new Record.Running("waiting", java.util.OptionalInt.empty(),
        java.util.Optional.of(Instant.ofEpochMilli(1772442000000L))));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/api/v1/jobs/recordInfo?taskId=" + TASK_ID);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEYS.get(1));
  }

  @ParameterizedTest(name = "progress {0} → {1}")
  @CsvSource({"42, 42", "0.5, 50", "\"70%\", 70", "\"soon\", -1"})
  void givenAProgressField_itIsRead_asPercentOrFraction(String progress, int expected) {
    server.enqueue(json(200, payload("kie/record-progress.json", Map.of("TASK_ID", TASK_ID, "PROGRESS", progress))));

    Record.Running running = (Record.Running) client.recordInfo(TASK_ID, 0);

    assertThat(running.state()).isEqualTo("generating");
    assertThat(running.progress().orElse(-1)).isEqualTo(expected);
  }

  @Test
  void givenSuccess_theVideoUrl_isReadFromTheJsonInsideResultJson() {
    server.enqueue(json(200, payload("kie/record-success.json", Map.of("TASK_ID", TASK_ID, "VIDEO_URL", videoUrl()))));

    assertThat(client.recordInfo(TASK_ID, 0)).isEqualTo(new Record.Succeeded(videoUrl()));
  }

  @Test
  void givenSuccessWithABrokenResultJson_orNoUrl_itFailsTemporarily() {
    server.enqueue(json(200, payload("kie/record-success-not-json.json", Map.of("TASK_ID", TASK_ID))));
    server.enqueue(json(200, payload("kie/record-success-no-urls.json", Map.of("TASK_ID", TASK_ID))));

    Record notJson = client.recordInfo(TASK_ID, 0);
    Record noUrls = client.recordInfo(TASK_ID, 0);

    assertThat(((Record.Failed) notJson).failure().failureClass()).isEqualTo(FailureClass.TEMPORARY);
    assertThat(((Record.Failed) notJson).failure().message()).contains("resultJson is not JSON");
    assertThat(((Record.Failed) noUrls).failure().failureClass()).isEqualTo(FailureClass.TEMPORARY);
    assertThat(((Record.Failed) noUrls).failure().message()).contains("no video URL");
  }

  @ParameterizedTest(name = "failCode \"{0}\" failMsg \"{1}\" → {2}")
  @CsvSource(delimiter = '|', value = {
      "500 | Your content was flagged by our moderation system. | USER_VIOLATION",
      "'' | This content may violate our content policies. | USER_VIOLATION",
      "400 | Image contains photorealistic faces of real people | USER_VIOLATION",
      "402 | Insufficient credits | BILLING",
      "433 | Sub-key limit reached | BILLING",
      "429 | Too many requests | RATE_LIMIT",
      "455 | Service under maintenance | TEMPORARY",
      "500 | Internal server error | TEMPORARY",
      "501 | Generation failed | TEMPORARY",
      "'' | Bad gateway | TEMPORARY",
      "'' | '' | UNKNOWN",
      "E_WEIRD | Something odd happened | UNKNOWN",
  })
  void givenAFailedTask_theFailure_isClassifiedByFailCodeAndFailMsg(String failCode, String failMsg,
      FailureClass expected) {
    server.enqueue(json(200, payload("kie/record-fail.json", Map.of("TASK_ID", TASK_ID, "FAIL_CODE", failCode,
        "FAIL_MSG", failMsg))));

    Record record = client.recordInfo(TASK_ID, 0);

    assertThat(record).isInstanceOf(Record.Failed.class);
    assertThat(((Record.Failed) record).failure().failureClass()).isEqualTo(expected);
    assertThat(((Record.Failed) record).failure().message()).contains(failMsg);
  }

  @Test
  void givenARecordNotYetVisible_orAPassingError_itIsUnreadable_notAFailure() {
    server.enqueue(json(200, payload("kie/record-null.json")));
    server.enqueue(json(422, "{\"code\":422,\"msg\":\"recordInfo is null\"}"));
    server.enqueue(json(200, "{\"code\":200,\"msg\":\"success\",\"data\":null}"));
    server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));
    server.enqueue(json(429, "{\"code\":429,\"msg\":\"rate limited\"}"));
    server.enqueue(json(200, "{\"code\":200,\"data\":{\"state\":"));

    for (int i = 0; i < 6; i++) {
      assertThat(client.recordInfo(TASK_ID, 0)).as("answer %d", i).isInstanceOf(Record.Unreadable.class);
    }
  }

  @Test
  void givenARevokedKey_recordInfo_failsAsBilling() {
    server.enqueue(json(401, "{\"code\":401,\"msg\":\"You do not have access permissions\"}"));

    assertThat(((Record.Failed) client.recordInfo(TASK_ID, 0)).failure().failureClass())
        .isEqualTo(FailureClass.BILLING);
  }

  @Test
  void givenAMalformedTaskId_nothingIsSent() {
    assertThat(client.recordInfo("../../etc?x=1", 0)).isInstanceOf(Record.Failed.class);
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- download

  @Test
  void download_fetchesTheVideo_withoutTheKey() throws Exception {
    byte[] video = mp4(4_000);
    server.enqueue(new MockResponse().setHeader("Content-Type", "video/mp4").setBody(new Buffer().write(video)));

    Download download = client.download(videoUrl());

    assertThat(download).isInstanceOf(Download.Video.class);
    assertThat(((Download.Video) download).content()).containsExactly(video);
    assertThat(((Download.Video) download).contentType()).isEqualTo("video/mp4");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/files/result/video.mp4");
    assertThat(request.getHeader("Authorization")).isNull();
  }

  @Test
  void givenAHugeVideo_theDownloadIsRefused_byLength_andWhileReading() {
    client.close();
    client = new KieSora2Client(settings(10_000));
    server.enqueue(new MockResponse().setBody(new Buffer().write(mp4(10_001))));
    server.enqueue(new MockResponse().setChunkedBody(new Buffer().write(mp4(50_000)), 4096));

    for (int i = 0; i < 2; i++) {
      Download download = client.download(videoUrl());
      assertThat(download).as("answer %d", i).isInstanceOf(Download.Failed.class);
      Download.Failed failed = (Download.Failed) download;
      assertThat(failed.retryable()).isFalse();
      assertThat(failed.failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
      assertThat(failed.failure().message()).contains("larger than");
    }
  }

  @Test
  void givenNotAVideo_orAGoneUrl_theDownloadFails_butA5xxIsRetryable() {
    server.enqueue(new MockResponse().setBody("<html>not a video</html>"));
    server.enqueue(new MockResponse().setResponseCode(404));
    server.enqueue(new MockResponse().setResponseCode(503));

    Download.Failed notVideo = (Download.Failed) client.download(videoUrl());
    Download.Failed gone = (Download.Failed) client.download(videoUrl());
    Download.Failed unavailable = (Download.Failed) client.download(videoUrl());

    assertThat(notVideo.failure().failureClass()).isEqualTo(FailureClass.TEMPORARY);
    assertThat(notVideo.retryable()).isFalse();
    assertThat(gone.retryable()).isFalse();
    assertThat(unavailable.retryable()).isTrue();
    assertThat(client.download("ftp://example.com/v.mp4")).isInstanceOf(Download.Failed.class);
  }

  @Test
  void noFailure_everCarriesTheKey() {
    server.enqueue(json(200, "{\"code\":402,\"msg\":\"Insufficient credits for key " + KEYS.get(0) + "\"}"));

    Created.Failed failed = (Created.Failed) client.createTask("p", "https://x.example/a.jpg", 0);

    assertThat(failed.failure().message()).doesNotContain(KEYS.get(0)).contains("[key]");
  }

  private static FailureClass failureOf(Uploaded uploaded) {
    assertThat(uploaded).isInstanceOf(Uploaded.Failed.class);
    return ((Uploaded.Failed) uploaded).failure().failureClass();
  }
}
