package dev.rei.adapters.providers.kie;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.kie.KieJson.CreateTaskRequest;
import dev.rei.adapters.providers.kie.KieJson.SoraInput;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * KIE.ai's calls for Sora 2 image-to-video: upload the photo's bytes (never a Telegram file URL,
 * which holds the bot token), create the task, read the task's record, download the video. Each
 * answer — HTTP errors and errors inside HTTP 200 bodies alike — comes back as a value, never as
 * an exception. The API key goes only to KIE's API and upload hosts, never to the host of a
 * result URL. No key is ever put in a failure message.
 */
public final class KieSora2Client implements AutoCloseable {

  static final int MAX_ANSWER_BYTES = 1024 * 1024;
  private static final String UPLOAD_PATH = "rei/reels";
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}");
  private static final int MAX_QUOTED = 300;

  private final KieSettings settings;
  private final OkHttpClient client;
  private final OkHttpClient downloadClient;
  private final boolean ownsClient;
  private final ObjectMapper json;
  private final KieApi api;
  private final KieApi.Upload upload;

  /** With its own HTTP client; {@link #close()} releases it. */
  public KieSora2Client(KieSettings settings) {
    this(settings, new OkHttpClient(), true);
  }

  /**
   * Sharing {@code baseClient}'s connection pool and dispatcher, with the timeouts of {@code
   * settings}; {@link #close()} leaves the shared client alone.
   */
  public KieSora2Client(KieSettings settings, OkHttpClient baseClient) {
    this(settings, baseClient, false);
  }

  private KieSora2Client(KieSettings settings, OkHttpClient baseClient, boolean ownsClient) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = baseClient.newBuilder()
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        // A repeated createTask is a second paid video: the job's retry policy decides, not OkHttp.
        .retryOnConnectionFailure(false)
        .build();
    this.downloadClient = client.newBuilder()
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(settings.downloadTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(true)
        .build();
    this.ownsClient = ownsClient;
    this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.api = retrofit(settings.baseUrl()).create(KieApi.class);
    this.upload = retrofit(settings.uploadBaseUrl()).create(KieApi.Upload.class);
  }

  /** How many API keys are configured: key {@code i} is {@code KeyId("kie", i)}. */
  public int keyCount() {
    return settings.apiKeys().size();
  }

  public KieSettings settings() {
    return settings;
  }

  /** What an upload found. */
  public sealed interface Uploaded {

    /** KIE keeps the file for three days at {@code url}. */
    record At(String url) implements Uploaded {}

    record Failed(Failure failure) implements Uploaded {}
  }

  /** What creating a task found. */
  public sealed interface Created {

    record Task(String taskId) implements Created {}

    record Failed(Failure failure) implements Created {}
  }

  /** What a task's record says. */
  public sealed interface Record {

    /**
     * Still at work: {@code state} is "waiting", "queuing" or "generating" (or a state KIE added);
     * {@code progress} when KIE gives one, {@code createdAt} when it says.
     */
    record Running(String state, OptionalInt progress, Optional<Instant> createdAt) implements Record {}

    /** Done; {@code videoUrl} is where the video is, for about a day. */
    record Succeeded(String videoUrl) implements Record {}

    /** The task failed, or its record says it cannot be used. */
    record Failed(Failure failure) implements Record {}

    /**
     * The record could not be read this time (network, a 5xx, a rate limit on queries, a task not
     * yet visible right after creation, a broken answer); the task itself may be fine.
     */
    record Unreadable(String why) implements Record {}
  }

  /** What a download found. */
  public sealed interface Download {

    record Video(byte[] content, String contentType) implements Download {}

    /** {@code retryable} when the same URL may work on the next try (network, 5xx). */
    record Failed(Failure failure, boolean retryable) implements Download {}
  }

  /** Uploads the photo's bytes with API key number {@code keyIndex}; the same {@code fileName} overwrites. */
  public Uploaded upload(byte[] content, String contentType, String fileName, int keyIndex) {
    Objects.requireNonNull(content, "content");
    if (!FILE_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException("upload file name must be 1-120 letters, digits, '.', '_' or '-'");
    }
    Optional<String> key = key(keyIndex);
    if (key.isEmpty()) {
      return new Uploaded.Failed(noKey(keyIndex));
    }
    MultipartBody.Part file = MultipartBody.Part.createFormData("file", fileName,
        RequestBody.create(content, MediaType.parse(contentType)));
    Answer answer = send(upload.fileStreamUpload(bearer(key.get()), file, text(UPLOAD_PATH), text(fileName)),
        "upload");
    if (answer.failure().isPresent()) {
      return new Uploaded.Failed(answer.failure().get());
    }
    JsonNode root = answer.body();
    OptionalInt code = intCode(root.path("code"));
    boolean success = root.path("success").asBoolean(code.isPresent() && code.getAsInt() == 200);
    if (!success || (code.isPresent() && code.getAsInt() != 200)) {
      return new Uploaded.Failed(envelopeFailure("KIE upload", code, root));
    }
    String url = root.path("data").path("downloadUrl").asText("").strip();
    if (!isHttpUrl(url)) {
      return new Uploaded.Failed(failure(FailureClass.TEMPORARY, "KIE upload answered without a download URL"));
    }
    return new Uploaded.At(url);
  }

  /** Creates a Sora 2 image-to-video task from {@code prompt} and the uploaded photo at {@code imageUrl}. */
  public Created createTask(String prompt, String imageUrl, int keyIndex) {
    Optional<String> key = key(keyIndex);
    if (key.isEmpty()) {
      return new Created.Failed(noKey(keyIndex));
    }
    CreateTaskRequest request = new CreateTaskRequest(settings.model(), settings.callbackUrl().orElse(null),
        new SoraInput(prompt, List.of(imageUrl), settings.aspectRatio(), Integer.toString(settings.frames()),
            settings.removeWatermark()));
    Answer answer = send(api.createTask(bearer(key.get()), request), "createTask");
    if (answer.failure().isPresent()) {
      return new Created.Failed(answer.failure().get());
    }
    JsonNode root = answer.body();
    OptionalInt code = intCode(root.path("code"));
    if (code.isEmpty() || code.getAsInt() != 200) {
      return new Created.Failed(envelopeFailure("KIE createTask", code, root));
    }
    String taskId = root.path("data").path("taskId").asText("").strip();
    if (!TASK_ID.matcher(taskId).matches()) {
      return new Created.Failed(failure(FailureClass.TEMPORARY, "KIE createTask answered without a usable task id"));
    }
    return new Created.Task(taskId);
  }

  /** Reads the record of task {@code taskId}, created with API key number {@code keyIndex}. */
  public Record recordInfo(String taskId, int keyIndex) {
    if (!TASK_ID.matcher(taskId).matches()) {
      return new Record.Failed(failure(FailureClass.UNKNOWN, "the KIE task id of the job is malformed"));
    }
    Optional<String> key = key(keyIndex);
    if (key.isEmpty()) {
      return new Record.Failed(noKey(keyIndex));
    }
    Answer answer = send(api.recordInfo(bearer(key.get()), taskId), "recordInfo");
    if (answer.failure().isPresent()) {
      return unreadableOr(answer.failure().get(), answer.httpCode());
    }
    JsonNode root = answer.body();
    OptionalInt code = intCode(root.path("code"));
    if (code.isEmpty() || code.getAsInt() != 200) {
      return unreadableOr(envelopeFailure("KIE recordInfo", code, root), code.orElse(0));
    }
    JsonNode data = root.path("data");
    if (!data.isObject()) {
      // "recordInfo is null": the task is not visible yet right after createTask.
      return new Record.Unreadable("KIE has no record of the task yet");
    }
    String state = data.path("state").asText("").strip().toLowerCase(Locale.ROOT);
    switch (state) {
      case "success":
        return succeeded(data);
      case "fail":
      case "failed":
        String failCode = data.path("failCode").asText("").strip();
        String failMsg = data.path("failMsg").asText("").strip();
        FailureClass failureClass = KieFailures.classify(KieFailures.code(failCode), failMsg);
        return new Record.Failed(failure(failureClass, "Sora 2 task failed" + (failCode.isEmpty() ? "" : " (" + quote(
            failCode) + ")") + suffix(failMsg)));
      default:
        return new Record.Running(state.isEmpty() ? "unknown" : quote(state), progress(data.path("progress")),
            instant(data.path("createTime")));
    }
  }

  /** Downloads the video at {@code url} (a result URL, so no key goes with it), refusing more than the settings allow. */
  public Download download(String url) {
    if (!isHttpUrl(url)) {
      return new Download.Failed(failure(FailureClass.TEMPORARY, "the result URL is not an http(s) URL"), false);
    }
    Request request = new Request.Builder().url(url).get().build();
    try (okhttp3.Response response = downloadClient.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        // 5xx: the file host stumbled, try the same URL later. 4xx: the URL is gone (they last a day).
        boolean retryable = response.code() >= 500 || response.code() == 429 || response.code() == 408;
        return new Download.Failed(failure(FailureClass.TEMPORARY, "the video download answered HTTP "
            + response.code()), retryable);
      }
      long limit = settings.maxVideoBytes();
      if (body.contentLength() > limit) {
        return new Download.Failed(tooLarge(), false);
      }
      byte[] bytes = readAtMost(body, limit + 1);
      if (bytes.length > limit) {
        return new Download.Failed(tooLarge(), false);
      }
      if (!isMp4(bytes)) {
        return new Download.Failed(failure(FailureClass.TEMPORARY, "the downloaded result is not an MP4 video ("
            + bytes.length + " bytes)"), false);
      }
      return new Download.Video(bytes, "video/mp4");
    } catch (IOException e) {
      return new Download.Failed(failure(FailureClass.TEMPORARY, "the video download failed: " + describe(e)), true);
    }
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private Record succeeded(JsonNode data) {
    JsonNode resultJson = data.path("resultJson");
    JsonNode result;
    if (resultJson.isObject()) {
      result = resultJson;
    } else {
      // resultJson is JSON inside a JSON string.
      try {
        result = json.readTree(resultJson.asText(""));
      } catch (IOException e) {
        return new Record.Failed(failure(FailureClass.TEMPORARY, "KIE reported success but resultJson is not JSON"));
      }
    }
    if (result == null || !result.isObject()) {
      return new Record.Failed(failure(FailureClass.TEMPORARY, "KIE reported success but resultJson is empty"));
    }
    for (JsonNode url : result.path("resultUrls")) {
      String text = url.asText("").strip();
      if (isHttpUrl(text)) {
        return new Record.Succeeded(text);
      }
    }
    return new Record.Failed(failure(FailureClass.TEMPORARY, "KIE reported success but gave no video URL"));
  }

  /** A failure of recordInfo that says nothing about the task itself is a reason to ask again, not to fail the job. */
  private static Record unreadableOr(Failure failure, int code) {
    boolean passing = failure.failureClass() == FailureClass.TEMPORARY || failure.failureClass() == FailureClass.RATE_LIMIT
        || code == 422;
    return passing ? new Record.Unreadable(failure.message()) : new Record.Failed(failure);
  }

  private Failure envelopeFailure(String call, OptionalInt code, JsonNode root) {
    String message = root.path("msg").asText(root.path("message").asText("")).strip();
    FailureClass failureClass = code.isEmpty() && message.isEmpty()
        ? FailureClass.TEMPORARY
        : KieFailures.classify(code, message);
    return failure(failureClass, call + " answered code " + (code.isPresent() ? code.getAsInt() : "none")
        + suffix(message));
  }

  /** An HTTP answer read as JSON, or the failure reading it. */
  private record Answer(JsonNode body, Optional<Failure> failure, int httpCode) {}

  private Answer send(Call<ResponseBody> call, String what) {
    Response<ResponseBody> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      return failedAnswer(failure(FailureClass.TEMPORARY, "KIE " + what + " could not be reached: " + describe(e)), 0);
    }
    try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
      byte[] bytes = body == null ? new byte[0] : readAtMost(body, MAX_ANSWER_BYTES + 1);
      if (bytes.length > MAX_ANSWER_BYTES) {
        return failedAnswer(failure(FailureClass.TEMPORARY, "KIE " + what + " answered more than "
            + MAX_ANSWER_BYTES + " bytes"), response.code());
      }
      JsonNode root = parse(bytes);
      if (!response.isSuccessful()) {
        OptionalInt bodyCode = intCode(root.path("code"));
        String message = root.path("msg").asText(root.path("message").asText("")).strip();
        // The HTTP status decides; the body's code only where the status says nothing specific.
        OptionalInt code = OptionalInt.of(response.code());
        FailureClass failureClass = KieFailures.classify(code, message);
        if (failureClass == FailureClass.UNKNOWN && bodyCode.isPresent()) {
          failureClass = KieFailures.classify(bodyCode, message);
        }
        return failedAnswer(failure(failureClass, "KIE " + what + " answered HTTP " + response.code()
            + suffix(message)), response.code());
      }
      if (!root.isObject()) {
        return failedAnswer(failure(FailureClass.TEMPORARY, "KIE " + what + " answered something that is not JSON"),
            response.code());
      }
      return new Answer(root, Optional.empty(), response.code());
    } catch (IOException e) {
      return failedAnswer(failure(FailureClass.TEMPORARY, "KIE " + what + "'s answer could not be read: "
          + describe(e)), response.code());
    }
  }

  private Answer failedAnswer(Failure failure, int httpCode) {
    return new Answer(json.missingNode(), Optional.of(failure), httpCode);
  }

  private JsonNode parse(byte[] bytes) {
    try {
      JsonNode root = json.readTree(bytes);
      return root == null ? json.missingNode() : root;
    } catch (IOException e) {
      return json.missingNode();
    }
  }

  private Retrofit retrofit(String baseUrl) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(client)
        .addConverterFactory(JacksonConverterFactory.create(json))
        .build();
  }

  private Optional<String> key(int keyIndex) {
    return keyIndex >= 0 && keyIndex < settings.apiKeys().size()
        ? Optional.of(settings.apiKeys().get(keyIndex))
        : Optional.empty();
  }

  private static Failure noKey(int keyIndex) {
    return Failure.of(FailureClass.UNKNOWN, "no KIE API key is configured as kie#" + keyIndex);
  }

  private Failure tooLarge() {
    return failure(FailureClass.UNKNOWN, "the video is larger than " + settings.maxVideoBytes() / (1024 * 1024)
        + " MiB, more than Rei takes");
  }

  private Failure failure(FailureClass failureClass, String message) {
    String scrubbed = message;
    for (String apiKey : settings.apiKeys()) {
      scrubbed = scrubbed.replace(apiKey, "[key]");
    }
    return Failure.of(failureClass, scrubbed);
  }

  private static String bearer(String key) {
    return "Bearer " + key;
  }

  private static RequestBody text(String value) {
    return RequestBody.create(value, MediaType.parse("text/plain; charset=utf-8"));
  }

  private static OptionalInt intCode(JsonNode node) {
    if (node.isIntegralNumber()) {
      return OptionalInt.of(node.asInt());
    }
    return node.isTextual() ? KieFailures.code(node.asText()) : OptionalInt.empty();
  }

  /** KIE's progress, where an item has one: 0–100, or a fraction 0–1. */
  private static OptionalInt progress(JsonNode node) {
    if (!node.isNumber() && !node.isTextual()) {
      return OptionalInt.empty();
    }
    double value;
    try {
      value = node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText().strip().replace("%", ""));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
    if (Double.isNaN(value) || value < 0) {
      return OptionalInt.empty();
    }
    double percent = value > 0 && value < 1 ? value * 100 : value;
    return OptionalInt.of((int) Math.min(100, Math.round(percent)));
  }

  private static Optional<Instant> instant(JsonNode node) {
    if (!node.isNumber() || node.asLong() <= 0) {
      return Optional.empty();
    }
    // KIE gives epoch milliseconds.
    return Optional.of(Instant.ofEpochMilli(node.asLong()));
  }

  static boolean isHttpUrl(String text) {
    if (text == null || text.isEmpty() || text.length() > 2_000) {
      return false;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** An MP4 (and a QuickTime file) starts with a box whose type is "ftyp". */
  private static boolean isMp4(byte[] bytes) {
    return bytes.length >= 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p';
  }

  private static byte[] readAtMost(ResponseBody body, long limit) throws IOException {
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() < limit) {
      if (source.read(buffer, 64 * 1024) == -1) {
        break;
      }
    }
    return buffer.readByteArray(Math.min(buffer.size(), limit));
  }

  private static String quote(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
  }

  private static String suffix(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String oneLine = text.strip().replaceAll("\\s+", " ");
    if (oneLine.length() <= MAX_QUOTED) {
      return ": " + oneLine;
    }
    int end = Character.isHighSurrogate(oneLine.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
    return ": " + oneLine.substring(0, end) + "…";
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
