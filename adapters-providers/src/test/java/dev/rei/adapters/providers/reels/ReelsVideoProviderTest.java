package dev.rei.adapters.providers.reels;

import static dev.rei.adapters.providers.ReelsPayloads.json;
import static dev.rei.adapters.providers.ReelsPayloads.mp4;
import static dev.rei.adapters.providers.ReelsPayloads.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.TestImages;
import dev.rei.adapters.providers.TestJobs;
import dev.rei.application.port.out.GenerationProvider.Outcome;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyId;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The Reels provider: script, upload, createTask, polls and downloads, against one MockWebServer. */
class ReelsVideoProviderTest extends ReelsTestServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KeyId KIE_0 = new KeyId(ReelsVideoProvider.NAME, 0);
  private static final KeyId KIE_1 = new KeyId(ReelsVideoProvider.NAME, 1);
  private static final String TASK_ID = "task_sora2_abc123";
  private static final String SCRIPT = "Vertical UGC video. A young woman in a cozy bedroom holds the pillow and says "
      + "\"Сплю как младенец!\"";
  private static final String UPLOADED = "https://tempfile.redpandaai.co/kieai/rei/reels/photo.jpg";

  private Job reelsJob(Map<String, String> overrides) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("input_media", media.put(TestImages.solid(40, 60, Color.ORANGE, "jpg"), "image/jpeg"));
    parameters.put("template", "ugc");
    parameters.put("product", "Ортопедическая подушка для сна, снимает напряжение");
    parameters.put("wishes", "Добавь динамичную музыку");
    parameters.putAll(overrides);
    parameters.values().removeIf(String::isEmpty);
    return TestJobs.running(JobKind.REELS_VIDEO, parameters);
  }

  private void answerScript(String script) {
    String encoded;
    try {
      encoded = JSON.writeValueAsString(script);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    answer(CHAT, json(200, payload("openai/completion-ok.json", Map.of("CONTENT",
        encoded.substring(1, encoded.length() - 1), "FINISH", "stop"))));
  }

  private void answerUpload(String url) {
    answer(UPLOAD, json(200, payload("kie/upload-ok.json", Map.of("FILE_NAME", "photo.jpg", "DOWNLOAD_URL", url))));
  }

  private void answerCreated() {
    answer(CREATE, json(200, payload("kie/create-ok.json", Map.of("TASK_ID", TASK_ID))));
  }

  private static JsonNode body(RecordedRequest request) throws IOException {
    return JSON.readTree(request.getBody().clone().readUtf8());
  }

  // ---- submit

  @Test
  void givenUgc_submit_writesTheScript_uploadsThePhoto_andCreatesTheTask() throws Exception {
    answerScript(SCRIPT);
    answerUpload(UPLOADED);
    answerCreated();
    Job job = reelsJob(Map.of());

    Outcome outcome = provider.submit(job, KIE_1);

    assertThat(outcome).isEqualTo(new Outcome.Pending(TASK_ID, Progress.of(5), Duration.ofSeconds(15)));
    JsonNode chat = body(requestsTo(CHAT).get(0));
    assertThat(chat.at("/messages/0/content").asText()).contains("UGC");
    assertThat(chat.at("/messages/1/content").asText()).contains("Ортопедическая подушка", "динамичную музыку");
    RecordedRequest upload = requestsTo(UPLOAD).get(0);
    assertThat(upload.getHeader("Authorization")).isEqualTo("Bearer " + KIE_KEYS.get(1));
    assertThat(upload.getBody().clone().readString(StandardCharsets.ISO_8859_1))
        .contains("filename=\"rei-" + job.id() + ".jpg\"");
    RecordedRequest create = requestsTo(CREATE).get(0);
    assertThat(create.getHeader("Authorization")).isEqualTo("Bearer " + KIE_KEYS.get(1));
    JsonNode task = body(create);
    assertThat(task.at("/input/prompt").asText()).isEqualTo(SCRIPT);
    assertThat(task.at("/input/image_urls/0").asText()).isEqualTo(UPLOADED);
    assertThat(task.at("/input/n_frames").asText()).isEqualTo("10");
  }

  @Test
  void noRequest_everCarriesATelegramFileUrl() throws Exception {
    answerScript(SCRIPT);
    answerUpload(UPLOADED);
    answerCreated();

    provider.submit(reelsJob(Map.of()), KIE_0);

    assertThat(requests).hasSize(3);
    for (RecordedRequest request : requests) {
      String text = request.getPath() + " " + request.getBody().clone().readString(StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain("api.telegram.org").doesNotContain("/file/bot");
    }
  }

  @Test
  void givenAnUploadUrlPointingAtTelegram_theTaskIsNeverCreated() {
    answerScript(SCRIPT);
    answerUpload("https://api.telegram.org/file/bot123456:ABC-secret/photos/file_1.jpg");

    Outcome outcome = provider.submit(reelsJob(Map.of()), KIE_0);

    assertThat(((Outcome.Failed) outcome).failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
    assertThat(requestsTo(CREATE)).isEmpty();
  }

  @Test
  void givenOwnPrompt_noScriptIsWritten_andThePromptIsUsedAsIs() throws Exception {
    answerUpload(UPLOADED);
    answerCreated();
    String own = "  A close-up of a pillow floating in air, soft morning light.  ";

    Outcome outcome = provider.submit(reelsJob(Map.of("template", "own", "prompt", own, "product", "")), KIE_0);

    assertThat(outcome).isInstanceOf(Outcome.Pending.class);
    assertThat(requestsTo(CHAT)).isEmpty();
    assertThat(body(requestsTo(CREATE).get(0)).at("/input/prompt").asText()).isEqualTo(own.strip());
  }

  @Test
  void givenTheAdTemplate_theAdScriptTemplateIsUsed() throws Exception {
    answerScript(SCRIPT);
    answerUpload(UPLOADED);
    answerCreated();

    provider.submit(reelsJob(Map.of("template", "ad")), KIE_0);

    String system = body(requestsTo(CHAT).get(0)).at("/messages/0/content").asText();
    assertThat(system).isEqualTo(ReelsTemplates.bundled().of(dev.rei.adapters.providers.ReelsJobParameters.Template.AD)
        .system() + "\n\n" + ReelsTemplates.bundled().of(dev.rei.adapters.providers.ReelsJobParameters.Template.AD)
        .instructions());
  }

  @Test
  void givenOpenAiOutOfQuota_submitFails_asBilling_blamingTheOpenAiKey_andKieIsNeverCalled() {
    answer(CHAT, json(429, payload("openai/error-insufficient-quota.json")));

    Outcome outcome = provider.submit(reelsJob(Map.of()), KIE_1);

    Outcome.Failed failed = (Outcome.Failed) outcome;
    assertThat(failed.failure().failureClass()).isEqualTo(FailureClass.BILLING);
    assertThat(failed.failure().message()).startsWith("script writer: OpenAI HTTP 429 insufficient_quota");
    assertThat(failed.blamedKey()).contains(new KeyId(ReelsVideoProvider.SCRIPT_WRITER, 0));
    assertThat(requestsTo(UPLOAD)).isEmpty();
    assertThat(requestsTo(CREATE)).isEmpty();
  }

  @Test
  void givenOpenAiRateLimited_theOpenAiKeyIsBlamed_asRateLimit() {
    answer(CHAT, json(429, payload("openai/error-rate-limit.json")));

    Outcome.Failed failed = (Outcome.Failed) provider.submit(reelsJob(Map.of()), KIE_0);

    assertThat(failed.failure().failureClass()).isEqualTo(FailureClass.RATE_LIMIT);
    assertThat(failed.blamedKey()).contains(new KeyId(ReelsVideoProvider.SCRIPT_WRITER, 0));
  }

  @Test
  void theOpenAiKeys_rotateRoundRobin_skippingABlockedKey() throws Exception {
    keyHealth.block(new KeyId(ReelsVideoProvider.SCRIPT_WRITER, 1),
        new KeyBlock(KeyEffect.BLOCK, NOW.plus(Duration.ofHours(24))));
    for (int i = 0; i < 4; i++) {
      answerScript(SCRIPT);
      answerUpload(UPLOADED);
      answerCreated();
    }

    for (int i = 0; i < 4; i++) {
      assertThat(provider.submit(reelsJob(Map.of()), KIE_0)).isInstanceOf(Outcome.Pending.class);
    }

    List<String> used = requestsTo(CHAT).stream().map(r -> r.getHeader("Authorization")).toList();
    assertThat(used).containsExactly("Bearer " + OPENAI_KEYS.get(0), "Bearer " + OPENAI_KEYS.get(2),
        "Bearer " + OPENAI_KEYS.get(0), "Bearer " + OPENAI_KEYS.get(2));
  }

  @Test
  void givenEveryOpenAiKeyBlocked_theOneFreedFirstIsTried_andCleared_whenItWorks() throws Exception {
    for (int i = 0; i < OPENAI_KEYS.size(); i++) {
      keyHealth.block(new KeyId(ReelsVideoProvider.SCRIPT_WRITER, i),
          new KeyBlock(KeyEffect.COOL_DOWN, NOW.plus(Duration.ofMinutes(60 - i))));
    }
    answerScript(SCRIPT);
    answerUpload(UPLOADED);
    answerCreated();

    assertThat(provider.submit(reelsJob(Map.of()), KIE_0)).isInstanceOf(Outcome.Pending.class);

    assertThat(requestsTo(CHAT).get(0).getHeader("Authorization")).isEqualTo("Bearer " + OPENAI_KEYS.get(2));
    KeyId freed = new KeyId(ReelsVideoProvider.SCRIPT_WRITER, 2);
    assertThat(keyHealth.health(List.of(freed)).get(0).isHealthyAt(NOW)).isTrue();
  }

  @Test
  void givenAnOpenAiTimeoutOrServerError_itIsTemporary() {
    answer(CHAT, json(500, payload("openai/error-server.json")));

    Outcome.Failed failed = (Outcome.Failed) provider.submit(reelsJob(Map.of()), KIE_0);

    assertThat(failed.failure().failureClass()).isEqualTo(FailureClass.TEMPORARY);
  }

  @Test
  void givenKieOutOfCredits_onCreate_theFailureIsBilling_andBlamesNoOtherKey() {
    answerScript(SCRIPT);
    answerUpload(UPLOADED);
    answer(CREATE, json(200, payload("kie/create-error.json", Map.of("CODE", "402", "MSG", "Insufficient Credits"))));

    Outcome.Failed failed = (Outcome.Failed) provider.submit(reelsJob(Map.of()), KIE_0);

    assertThat(failed.failure().failureClass()).isEqualTo(FailureClass.BILLING);
    // The core blames the KIE key it gave the job.
    assertThat(failed.blamedKey()).isEmpty();
  }

  @Test
  void givenTheUploadFailing_theTaskIsNeverCreated() {
    answerScript(SCRIPT);
    answer(UPLOAD, json(200, payload("kie/upload-failed.json")));

    Outcome.Failed failed = (Outcome.Failed) provider.submit(reelsJob(Map.of()), KIE_0);

    assertThat(failed.failure().failureClass()).isEqualTo(FailureClass.TEMPORARY);
    assertThat(requestsTo(CREATE)).isEmpty();
  }

  @Test
  void givenAJobThatCannotBeRun_nothingIsSent() {
    String gif = media.put("GIF89a....".getBytes(StandardCharsets.US_ASCII), "image/gif");
    String huge = media.put(new byte[10_000_001], "image/jpeg");

    Outcome.Failed missingPhoto = (Outcome.Failed) provider.submit(reelsJob(Map.of("input_media", "0123abcd")), KIE_0);
    Outcome.Failed notAPhoto = (Outcome.Failed) provider.submit(reelsJob(Map.of("input_media", gif)), KIE_0);
    Outcome.Failed tooBig = (Outcome.Failed) provider.submit(reelsJob(Map.of("input_media", huge)), KIE_0);
    Outcome.Failed noProduct = (Outcome.Failed) provider.submit(reelsJob(Map.of("product", "")), KIE_0);
    Outcome.Failed wrongKind = (Outcome.Failed) provider.submit(TestJobs.running(JobKind.VIDEO_TEXT,
        Map.of("prompt", "x")), KIE_0);
    Outcome.Failed wrongKey = (Outcome.Failed) provider.submit(reelsJob(Map.of()), new KeyId(ReelsVideoProvider.NAME, 2));

    assertThat(missingPhoto.failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
    assertThat(notAPhoto.failure().failureClass()).isEqualTo(FailureClass.USER_VIOLATION);
    assertThat(tooBig.failure().failureClass()).isEqualTo(FailureClass.USER_VIOLATION);
    assertThat(noProduct.failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
    assertThat(wrongKind.failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
    assertThat(wrongKey.failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
    assertThat(requests).isEmpty();
  }

  // ---- poll

  @Test
  void givenAQueuedTask_pollIsPending_withAnEarlyProgress() {
    answer(RECORD, json(200, payload("kie/record-running.json", Map.of("TASK_ID", TASK_ID, "STATE", "queuing",
        "CREATE_TIME", Long.toString(NOW.toEpochMilli())))));

    Outcome outcome = provider.poll(new ProviderTask(KIE_1, TASK_ID));

    assertThat(outcome).isEqualTo(new Outcome.Pending(TASK_ID, Progress.of(10), Duration.ofSeconds(15)));
    RecordedRequest request = requestsTo(RECORD).get(0);
    assertThat(request.getPath()).isEqualTo(RECORD + "?taskId=" + TASK_ID);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KIE_KEYS.get(1));
  }

  @Test
  void givenAGeneratingTaskWithoutProgress_theProgressIsEstimatedFromItsAge() {
    answer(RECORD, json(200, payload("kie/record-running.json", Map.of("TASK_ID", TASK_ID, "STATE", "generating",
        "CREATE_TIME", Long.toString(NOW.minus(Duration.ofSeconds(150)).toEpochMilli())))));
    answer(RECORD, json(200, payload("kie/record-running.json", Map.of("TASK_ID", TASK_ID, "STATE", "generating",
        "CREATE_TIME", Long.toString(NOW.minus(Duration.ofHours(1)).toEpochMilli())))));

    Outcome halfway = provider.poll(new ProviderTask(KIE_0, TASK_ID));
    Outcome late = provider.poll(new ProviderTask(KIE_0, TASK_ID));

    // 15 % at the start, 80 % more over the expected five minutes, never past 95 % before it is done.
    assertThat(((Outcome.Pending) halfway).progress()).isEqualTo(Progress.of(55));
    assertThat(((Outcome.Pending) late).progress()).isEqualTo(Progress.of(95));
  }

  @Test
  void givenKiesOwnProgress_itIsShown() {
    answer(RECORD, json(200, payload("kie/record-progress.json", Map.of("TASK_ID", TASK_ID, "PROGRESS", "63"))));

    assertThat(((Outcome.Pending) provider.poll(new ProviderTask(KIE_0, TASK_ID))).progress())
        .isEqualTo(Progress.of(63));
  }

  @Test
  void givenSuccess_theVideoIsDownloaded_intoTheMediaStore_andTheJobIsDone() {
    byte[] video = mp4(20_000);
    answer(RECORD, json(200, payload("kie/record-success.json", Map.of("TASK_ID", TASK_ID, "VIDEO_URL",
        fileUrl("result.mp4")))));
    answer(FILES, new MockResponse().setHeader("Content-Type", "video/mp4").setBody(new Buffer().write(video)));

    Outcome outcome = provider.poll(new ProviderTask(KIE_0, TASK_ID));

    assertThat(outcome).isInstanceOf(Outcome.Done.class);
    var stored = media.get(((Outcome.Done) outcome).result().value()).orElseThrow();
    assertThat(stored.contentType()).isEqualTo("video/mp4");
    assertThat(stored.content()).containsExactly(video);
    assertThat(requestsTo(FILES).get(0).getHeader("Authorization")).isNull();
  }

  @Test
  void givenADownloadThatStumbles_thePollIsPending_andTheNextPollDownloadsAgain() {
    for (int i = 0; i < 2; i++) {
      answer(RECORD, json(200, payload("kie/record-success.json", Map.of("TASK_ID", TASK_ID, "VIDEO_URL",
          fileUrl("result.mp4")))));
    }
    answer(FILES, new MockResponse().setResponseCode(503));
    answer(FILES, new MockResponse().setBody(new Buffer().write(mp4(100))));

    Outcome first = provider.poll(new ProviderTask(KIE_0, TASK_ID));
    Outcome second = provider.poll(new ProviderTask(KIE_0, TASK_ID));

    assertThat(first).isEqualTo(new Outcome.Pending(TASK_ID, Progress.of(99), Duration.ofSeconds(15)));
    assertThat(second).isInstanceOf(Outcome.Done.class);
  }

  @Test
  void givenAHugeVideo_thePollFails_andNothingIsStored() {
    answer(RECORD, json(200, payload("kie/record-success.json", Map.of("TASK_ID", TASK_ID, "VIDEO_URL",
        fileUrl("huge.mp4")))));
    answer(FILES, new MockResponse().setBody(new Buffer().write(mp4(1024 * 1024 + 1))));

    Outcome.Failed failed = (Outcome.Failed) provider.poll(new ProviderTask(KIE_0, TASK_ID));

    assertThat(failed.failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
    assertThat(media.size()).isZero();
  }

  @Test
  void givenAFailedTask_theFailureBlamesTheTasksKieKey() {
    answer(RECORD, json(200, payload("kie/record-fail.json", Map.of("TASK_ID", TASK_ID, "FAIL_CODE", "400",
        "FAIL_MSG", "This content may violate our content policies."))));
    answer(RECORD, json(200, payload("kie/record-fail.json", Map.of("TASK_ID", TASK_ID, "FAIL_CODE", "429",
        "FAIL_MSG", "Rate limited"))));

    Outcome.Failed violation = (Outcome.Failed) provider.poll(new ProviderTask(KIE_1, TASK_ID));
    Outcome.Failed rateLimited = (Outcome.Failed) provider.poll(new ProviderTask(KIE_1, TASK_ID));

    assertThat(violation.failure().failureClass()).isEqualTo(FailureClass.USER_VIOLATION);
    assertThat(violation.blamedKey()).contains(KIE_1);
    assertThat(rateLimited.failure().failureClass()).isEqualTo(FailureClass.RATE_LIMIT);
    assertThat(rateLimited.blamedKey()).contains(KIE_1);
  }

  @Test
  void givenAnUnreadableRecord_thePollIsPending_soNoSecondVideoIsPaidFor() {
    answer(RECORD, new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));
    answer(RECORD, json(200, payload("kie/record-null.json")));

    assertThat(provider.poll(new ProviderTask(KIE_0, TASK_ID)))
        .isEqualTo(new Outcome.Pending(TASK_ID, Progress.NONE, Duration.ofSeconds(15)));
    assertThat(provider.poll(new ProviderTask(KIE_0, TASK_ID))).isInstanceOf(Outcome.Pending.class);
  }

  @Test
  void givenATaskOfAnotherProvider_theKeyIsRefused() {
    Outcome outcome = provider.poll(new ProviderTask(new KeyId(ReelsVideoProvider.SCRIPT_WRITER, 0), TASK_ID));

    assertThat(((Outcome.Failed) outcome).failure().failureClass()).isEqualTo(FailureClass.UNKNOWN);
    assertThat(requests).isEmpty();
  }

  @Test
  void theProvider_isKie_forReels_withTheKieKeys() {
    assertThat(provider.name().value()).isEqualTo("kie");
    assertThat(provider.kinds()).containsExactly(JobKind.REELS_VIDEO);
    assertThat(provider.keyCount()).isEqualTo(KIE_KEYS.size());
  }
}
