package dev.rei.adapters.providers.kling;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rei.adapters.providers.VideoJobParameters;
import dev.rei.adapters.providers.kling.KlingTaskRef.Endpoint;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Progress;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * Kling's official API for {@link JobKind#VIDEO_TEXT}, {@link JobKind#VIDEO_IMAGE} and {@link
 * JobKind#VIDEO_VIDEO}: {@link #submit} creates a task (text2video, image2video, or omni-video for
 * a video input and the omni models) and answers {@link Outcome.Pending} at once — no thread waits
 * for the video; {@link #poll} queries the task and, when it succeeded, downloads the video into the
 * {@link MediaStore}.
 *
 * <p>Failures are classified by Kling's body code ({@link KlingFailures}). A poll treats its own
 * trouble differently from the task's: when the query itself fails for a passing reason (network,
 * 5xxx, rate limit, a mangled answer) or the finished video cannot be fetched right now, the answer
 * is "still pending, ask again later" — failing the attempt would make the job submit, and pay for,
 * a second generation while the first one is fine at Kling. The job's deadline bounds that wait.
 * No key, JWT or video URL is ever logged or put in a failure message.
 */
public final class KlingVideoProvider implements GenerationProvider, AutoCloseable {

  public static final ProviderName NAME = ProviderName.of("kling");

  static final int MAX_ANSWER_BYTES = 1024 * 1024;
  /** Kling's photo limit. */
  static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
  /** Kling's reference-video limit. */
  static final long MAX_INPUT_VIDEO_BYTES = 200L * 1024 * 1024;
  static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/jpg", "image/png");
  static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime");
  /** After Kling says "slow down" to a query, wait at least this long. */
  static final Duration RATE_LIMITED_POLL = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(KlingVideoProvider.class);

  private final KlingSettings settings;
  private final MediaStore media;
  private final Clock clock;
  private final OkHttpClient client;
  private final OkHttpClient downloadClient;
  private final boolean ownsClient;
  private final ObjectMapper json;
  private final KlingApi api;
  private final KlingTokens tokens;
  private final KlingRequests requests;

  /** With its own HTTP client; {@link #close()} releases it. */
  public KlingVideoProvider(KlingSettings settings, MediaStore media, Clock clock) {
    this(settings, media, clock, new OkHttpClient(), true);
  }

  /**
   * Sharing {@code baseClient}'s connection pool and dispatcher, with the timeouts of {@code
   * settings}; {@link #close()} leaves the shared client alone.
   */
  public KlingVideoProvider(KlingSettings settings, MediaStore media, Clock clock, OkHttpClient baseClient) {
    this(settings, media, clock, baseClient, false);
  }

  private KlingVideoProvider(
      KlingSettings settings, MediaStore media, Clock clock, OkHttpClient baseClient, boolean ownsClient) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.media = Objects.requireNonNull(media, "media");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client = baseClient.newBuilder()
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        // A repeated create is a second paid generation: the job's retry policy decides, not OkHttp.
        .retryOnConnectionFailure(false)
        .build();
    this.downloadClient = client.newBuilder()
        .callTimeout(settings.downloadTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(true)
        .build();
    this.ownsClient = ownsClient;
    this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.api = new Retrofit.Builder()
        .baseUrl(settings.baseUrl())
        .client(client)
        .addConverterFactory(JacksonConverterFactory.create(json))
        .build()
        .create(KlingApi.class);
    this.tokens = new KlingTokens(settings.credentials(), clock, json);
    this.requests = new KlingRequests(json, settings.mode());
  }

  @Override
  public ProviderName name() {
    return NAME;
  }

  @Override
  public Set<JobKind> kinds() {
    return VideoJobParameters.KINDS;
  }

  @Override
  public int keyCount() {
    return settings.credentials().size();
  }

  @Override
  public Outcome submit(Job job, KeyId key) {
    Outcome outcome = create(job, key);
    if (outcome instanceof Outcome.Failed failed) {
      log.warn("kling job={} key={} submit failed {}: {}", job.id(), key, failed.failure().failureClass(),
          failed.failure().message());
    } else {
      log.info("kling job={} key={} submitted: {}", job.id(), key, ((Outcome.Pending) outcome).taskId());
    }
    return outcome;
  }

  @Override
  public Outcome poll(ProviderTask task) {
    Optional<KlingTaskRef> parsed = KlingTaskRef.parse(task.taskId());
    if (parsed.isEmpty()) {
      return failed(FailureClass.UNKNOWN, "not a Kling task id");
    }
    if (!isOurs(task.key())) {
      return failed(FailureClass.UNKNOWN, "no Kling key is configured as " + task.key()
          + " any more, and only the key that made a task may read it");
    }
    KlingTaskRef ref = parsed.get();
    Outcome outcome = query(ref, task.key().index());
    if (outcome instanceof Outcome.Failed failed) {
      log.warn("kling task={} key={} failed {}: {}", ref.taskId(), task.key(), failed.failure().failureClass(),
          failed.failure().message());
    } else if (outcome instanceof Outcome.Done done) {
      log.info("kling task={} key={} done: {}", ref.taskId(), task.key(), done.result().value());
    }
    return outcome;
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private boolean isOurs(KeyId key) {
    return key.provider().equals(NAME) && key.index() < settings.credentials().size();
  }

  private Outcome create(Job job, KeyId key) {
    if (!VideoJobParameters.KINDS.contains(job.kind())) {
      return failed(FailureClass.UNKNOWN, "Kling does not make " + job.kind());
    }
    if (!isOurs(key)) {
      return failed(FailureClass.UNKNOWN, "no Kling key is configured as " + key);
    }
    VideoJobParameters.Reading reading = VideoJobParameters.read(job);
    if (reading instanceof VideoJobParameters.Reading.Invalid invalid) {
      return failed(FailureClass.UNKNOWN, "the job cannot be sent to Kling: " + invalid.reason());
    }
    VideoJobParameters parameters = ((VideoJobParameters.Reading.Valid) reading).parameters();
    String model = KlingModel.canonicalId(parameters.model());
    if (parameters.prompt().map(String::length).orElse(0) > KlingRequests.MAX_PROMPT_LENGTH) {
      return failed(FailureClass.UNKNOWN, "the prompt is longer than the " + KlingRequests.MAX_PROMPT_LENGTH
          + " characters Kling takes");
    }
    Endpoint endpoint = KlingRequests.endpointFor(parameters, model);
    ObjectNode body;
    switch (parameters.kind()) {
      case VIDEO_TEXT -> {
        if (KlingRequests.PHOTO_ONLY_MODELS.contains(model)) {
          return failed(FailureClass.UNKNOWN, "Kling's " + model + " makes video from a photo only, not from text");
        }
        body = requests.textToVideo(parameters, model);
      }
      case VIDEO_IMAGE -> {
        Optional<MediaStore.Media> photo = media.get(parameters.inputMedia().orElseThrow());
        if (photo.isEmpty()) {
          return failed(FailureClass.UNKNOWN, "the input photo of the job is not in the media store");
        }
        String type = photo.get().contentType().toLowerCase(Locale.ROOT).strip();
        if (!PHOTO_TYPES.contains(type)) {
          return failed(FailureClass.USER_VIOLATION, "the input file is " + KlingFailures.quote(type).substring(2)
              + ", not the JPEG or PNG photo Kling takes");
        }
        if (photo.get().content().length > MAX_PHOTO_BYTES) {
          return failed(FailureClass.USER_VIOLATION, "the input photo is larger than the 10 MB Kling takes");
        }
        body = requests.imageToVideo(parameters, model, photo.get().content());
      }
      default -> {
        String mediaKey = parameters.inputMedia().orElseThrow();
        Optional<MediaStore.Media> video = media.get(mediaKey);
        if (video.isEmpty()) {
          return failed(FailureClass.UNKNOWN, "the input video of the job is not in the media store");
        }
        String type = video.get().contentType().toLowerCase(Locale.ROOT).strip();
        if (!VIDEO_TYPES.contains(type)) {
          return failed(FailureClass.USER_VIOLATION, "the input file is " + KlingFailures.quote(type).substring(2)
              + ", not the MP4 or MOV video Kling takes");
        }
        if (video.get().content().length > MAX_INPUT_VIDEO_BYTES) {
          return failed(FailureClass.USER_VIOLATION, "the input video is larger than the 200 MB Kling takes");
        }
        Optional<String> url = settings.publicMediaUrl(mediaKey).filter(KlingVideoProvider::isHttpUrl);
        if (url.isEmpty()) {
          return failed(FailureClass.UNKNOWN, "video input needs PUBLIC_BASE_URL: Kling takes a video only by a "
              + "public URL of ours, and none is configured");
        }
        model = KlingRequests.videoModelFor(model);
        body = requests.videoToVideo(parameters, model, url.get());
      }
    }
    Instant submittedAt = clock.now();
    Reply reply = execute(api.create(endpoint.path(), authorization(key.index()), body), key.index());
    if (reply instanceof Reply.Error error) {
      return new Outcome.Failed(scrubbed(error.failure()));
    }
    JsonNode data = ((Reply.Data) reply).data();
    String taskId = data.path("task_id").asText("");
    if (!KlingTaskRef.isTaskId(taskId)) {
      return failed(FailureClass.TEMPORARY, "Kling accepted the task but its answer has no usable task_id");
    }
    KlingTaskRef ref = new KlingTaskRef(endpoint, submittedAt, taskId);
    return new Outcome.Pending(ref.value(), Progress.of(KlingProgress.estimate(Duration.ZERO,
        settings.typicalDuration())), settings.pollInterval());
  }

  private Outcome query(KlingTaskRef ref, int keyIndex) {
    Reply reply = execute(api.query(ref.endpoint().path(), ref.taskId(), authorization(keyIndex)), keyIndex);
    if (reply instanceof Reply.Error error) {
      FailureClass failureClass = error.failure().failureClass();
      if (failureClass == FailureClass.TEMPORARY || failureClass == FailureClass.RATE_LIMIT) {
        log.warn("kling task={} query failed for now, asking again later: {}", ref.taskId(),
            scrubbed(error.failure()).message());
        return pending(ref, failureClass == FailureClass.RATE_LIMIT
            ? max(RATE_LIMITED_POLL, settings.pollInterval()) : settings.pollInterval());
      }
      return new Outcome.Failed(scrubbed(error.failure()));
    }
    JsonNode data = ((Reply.Data) reply).data();
    String status = data.path("task_status").asText("").strip().toLowerCase(Locale.ROOT);
    switch (status) {
      case "submitted", "processing" -> {
        return pending(ref, settings.pollInterval());
      }
      case "succeed" -> {
        for (JsonNode video : data.path("task_result").path("videos")) {
          String url = video.path("url").asText("").strip();
          if (!url.isEmpty()) {
            return download(ref, url);
          }
        }
        return failed(FailureClass.TEMPORARY, "Kling reported the task done but gave no video");
      }
      case "failed" -> {
        return new Outcome.Failed(scrubbed(KlingFailures.ofTask(data.path("task_status_msg").asText(""))));
      }
      default -> {
        // A status Kling added since: the paid task may still finish, and the deadline bounds the wait.
        log.warn("kling task={} has an unknown status {}, asking again later", ref.taskId(),
            KlingFailures.quote(status));
        return pending(ref, settings.pollInterval());
      }
    }
  }

  /** Fetches the finished video from Kling's file server (no credential goes there) into the media store. */
  private Outcome download(KlingTaskRef ref, String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      return failed(FailureClass.TEMPORARY, "Kling's video address is not an http(s) URL");
    }
    Request request = new Request.Builder().url(parsed).get().build();
    byte[] bytes;
    String contentType;
    try (Response response = downloadClient.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        int code = response.code();
        if (code >= 500 || code == 408 || code == 429) {
          log.warn("kling task={} video download from {} got HTTP {}, trying again later", ref.taskId(),
              parsed.host(), code);
          return pending(ref, settings.pollInterval());
        }
        // A refused or vanished file: a new generation is the only way to a video.
        return failed(FailureClass.TEMPORARY, "downloading Kling's video was refused: HTTP " + code);
      }
      ResponseBody body = response.body();
      if (body == null) {
        return pending(ref, settings.pollInterval());
      }
      if (body.contentLength() > settings.maxVideoBytes()) {
        return tooLarge();
      }
      bytes = readAtMost(body, settings.maxVideoBytes());
      contentType = videoType(body.contentType());
    } catch (TooLarge e) {
      return tooLarge();
    } catch (IOException e) {
      log.warn("kling task={} video download from {} failed, trying again later: {}", ref.taskId(), parsed.host(),
          e.getClass().getSimpleName());
      return pending(ref, settings.pollInterval());
    }
    if (bytes.length == 0) {
      return failed(FailureClass.TEMPORARY, "Kling's video file is empty");
    }
    try {
      return new Outcome.Done(new ResultRef(media.put(bytes, contentType)));
    } catch (RuntimeException e) {
      log.warn("kling task={} video could not be stored, trying again later: {}", ref.taskId(), e.toString());
      return pending(ref, settings.pollInterval());
    }
  }

  private Outcome tooLarge() {
    return failed(FailureClass.UNKNOWN, "Kling's video is larger than the " + settings.maxVideoBytes() / (1024 * 1024)
        + " MiB Rei keeps");
  }

  private Outcome pending(KlingTaskRef ref, Duration pollAfter) {
    Duration elapsed = Duration.between(ref.submittedAt(), clock.now());
    return new Outcome.Pending(ref.value(), Progress.of(KlingProgress.estimate(elapsed, settings.typicalDuration())),
        pollAfter);
  }

  private String authorization(int keyIndex) {
    return "Bearer " + tokens.tokenFor(keyIndex);
  }

  /** What a Kling call answered: its {@code data}, or the failure. */
  private sealed interface Reply {

    record Data(JsonNode data) implements Reply {}

    record Error(Failure failure) implements Reply {}
  }

  private Reply execute(Call<ResponseBody> call, int keyIndex) {
    retrofit2.Response<ResponseBody> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      // Timeouts, refused or reset connections, DNS, TLS: the request may not even have arrived.
      return error(FailureClass.TEMPORARY, "Kling could not be reached: " + describe(e));
    }
    int http = response.code();
    byte[] bytes;
    try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
      bytes = body == null ? new byte[0] : readAtMost(body, MAX_ANSWER_BYTES);
    } catch (TooLarge e) {
      return new Reply.Error(KlingFailures.ofHttpOnly(http, "an answer larger than " + MAX_ANSWER_BYTES + " bytes"));
    } catch (IOException e) {
      return error(FailureClass.TEMPORARY, "reading Kling's answer failed: " + describe(e));
    }
    JsonNode root;
    try {
      root = json.readTree(bytes);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      return new Reply.Error(KlingFailures.ofHttpOnly(http,
          bytes.length == 0 ? "an empty answer" : "an answer that is not Kling's JSON"));
    }
    JsonNode code = root.get("code");
    Optional<Integer> codeValue = code == null ? Optional.empty() : code.isIntegralNumber() && code.canConvertToInt()
        ? Optional.of(code.intValue())
        : code.isTextual() && code.asText().strip().matches("-?\\d{1,9}")
            ? Optional.of(Integer.parseInt(code.asText().strip())) : Optional.empty();
    if (codeValue.isEmpty()) {
      return new Reply.Error(KlingFailures.ofHttpOnly(http, "an answer without a code"));
    }
    int value = codeValue.get();
    if (value != 0) {
      if (KlingFailures.isStaleToken(value)) {
        tokens.forget(keyIndex);
      }
      return new Reply.Error(KlingFailures.ofCode(http, value, root.path("message").asText("")));
    }
    if (!response.isSuccessful()) {
      return new Reply.Error(KlingFailures.ofHttpOnly(http, "code 0 on an error status"));
    }
    JsonNode data = root.get("data");
    if (data == null || !data.isObject()) {
      return error(FailureClass.TEMPORARY, "Kling's answer has no data");
    }
    return new Reply.Data(data);
  }

  private static Reply error(FailureClass failureClass, String message) {
    return new Reply.Error(Failure.of(failureClass, message));
  }

  /** Reads the body, refusing it past {@code limit} bytes. */
  private static byte[] readAtMost(ResponseBody body, long limit) throws IOException {
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() <= limit) {
      if (source.read(buffer, 64 * 1024) == -1) {
        return buffer.readByteArray();
      }
    }
    buffer.clear();
    throw new TooLarge();
  }

  /** Thrown by {@link #readAtMost} only. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null);
    }
  }

  private static String videoType(MediaType type) {
    if (type != null && type.type().equalsIgnoreCase("video") && type.subtype().matches("[A-Za-z0-9.+-]{1,40}")) {
      return "video/" + type.subtype().toLowerCase(Locale.ROOT);
    }
    return "video/mp4";
  }

  private static boolean isHttpUrl(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed != null;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private Outcome failed(FailureClass failureClass, String message) {
    return new Outcome.Failed(scrubbed(Failure.of(failureClass, message)));
  }

  /** Belt and braces: whatever the text came from, no access key or token of ours survives in it. */
  private Failure scrubbed(Failure failure) {
    String message = failure.message();
    for (KlingCredentials key : settings.credentials()) {
      message = message.replace(key.accessKey(), "[key]");
    }
    for (String token : tokens.current()) {
      message = message.replace(token, "[token]");
    }
    return Failure.of(failure.failureClass(), message);
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
