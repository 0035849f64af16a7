package dev.rei.adapters.providers.gemini;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.ImageJobParameters;
import dev.rei.adapters.providers.gemini.GeminiJson.Content;
import dev.rei.adapters.providers.gemini.GeminiJson.GenerateContentRequest;
import dev.rei.adapters.providers.gemini.GeminiJson.GenerateContentResponse;
import dev.rei.adapters.providers.gemini.GeminiJson.GenerationConfig;
import dev.rei.adapters.providers.gemini.GeminiJson.ImageConfig;
import dev.rei.adapters.providers.gemini.GeminiJson.Part;
import dev.rei.application.port.out.GenerationProvider;
import dev.rei.application.port.out.MediaStore;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.ProviderTask;
import dev.rei.domain.job.ResultRef;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * Google Gemini's image models ("Nano Banana Pro" by default) for {@link JobKind#IMAGE_GENERATE}
 * and {@link JobKind#IMAGE_EDIT}: one synchronous {@code generateContent} call with the prompt and
 * the input photos inline; the image it returns goes to the {@link MediaStore}. Every answer —
 * blocks, finish reasons, error statuses, timeouts — comes back as an {@link Outcome}, never as
 * an exception. No API key is ever logged or put in a failure message.
 */
public final class GeminiImageProvider implements GenerationProvider, AutoCloseable {

  public static final ProviderName NAME = ProviderName.of("gemini");

  /** A 4K PNG in base64 is some tens of megabytes; more than this is not an image answer. */
  static final int MAX_RESPONSE_BYTES = 128 * 1024 * 1024;
  static final int MAX_ERROR_BYTES = 64 * 1024;
  /** Gemini takes at most 20 MB of inline request; base64 adds a third. */
  static final long MAX_INPUT_BYTES = 14L * 1024 * 1024;
  /** What Gemini reads as an image. */
  static final Set<String> INPUT_TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/heic", "image/heif");

  private static final Logger log = LoggerFactory.getLogger(GeminiImageProvider.class);
  private static final Set<JobKind> KINDS = Set.of(JobKind.IMAGE_GENERATE, JobKind.IMAGE_EDIT);
  private static final List<String> RESPONSE_MODALITIES = List.of("TEXT", "IMAGE");

  private final GeminiSettings settings;
  private final MediaStore media;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final ObjectMapper json;
  private final GeminiApi api;
  private final GeminiReplies replies;

  /** With its own HTTP client; {@link #close()} releases it. */
  public GeminiImageProvider(GeminiSettings settings, MediaStore media) {
    this(settings, media, new OkHttpClient(), true);
  }

  /**
   * Sharing {@code baseClient}'s connection pool and dispatcher, with the timeouts of {@code
   * settings}; {@link #close()} leaves the shared client alone.
   */
  public GeminiImageProvider(GeminiSettings settings, MediaStore media, OkHttpClient baseClient) {
    this(settings, media, baseClient, false);
  }

  private GeminiImageProvider(GeminiSettings settings, MediaStore media, OkHttpClient baseClient, boolean ownsClient) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.media = Objects.requireNonNull(media, "media");
    this.client = baseClient.newBuilder()
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        // A retry of a generation is a second paid generation: the job's retry policy decides, not OkHttp.
        .retryOnConnectionFailure(false)
        .build();
    this.ownsClient = ownsClient;
    this.json = objectMapper();
    this.api = new Retrofit.Builder()
        .baseUrl(settings.baseUrl())
        .client(client)
        .addConverterFactory(JacksonConverterFactory.create(json))
        .build()
        .create(GeminiApi.class);
    this.replies = new GeminiReplies(json);
  }

  @Override
  public ProviderName name() {
    return NAME;
  }

  @Override
  public Set<JobKind> kinds() {
    return KINDS;
  }

  @Override
  public int keyCount() {
    return settings.apiKeys().size();
  }

  @Override
  public Outcome submit(Job job, KeyId key) {
    long started = System.nanoTime();
    Outcome outcome = generate(job, key);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (outcome instanceof Outcome.Failed failed) {
      log.warn("gemini job={} key={} model={} failed {} after {} ms: {}", job.id(), key, settings.model(),
          failed.failure().failureClass(), millis, failed.failure().message());
    } else {
      log.info("gemini job={} key={} model={} done after {} ms", job.id(), key, settings.model(), millis);
    }
    return outcome;
  }

  /** Gemini answers within the call; a task to poll can only come from a bug or a changed configuration. */
  @Override
  public Outcome poll(ProviderTask task) {
    return failed(FailureClass.UNKNOWN, "Gemini answers at once and has no task to poll");
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private Outcome generate(Job job, KeyId key) {
    if (!KINDS.contains(job.kind())) {
      return failed(FailureClass.UNKNOWN, "Gemini does not generate " + job.kind());
    }
    if (!key.provider().equals(NAME) || key.index() >= settings.apiKeys().size()) {
      return failed(FailureClass.UNKNOWN, "no Gemini API key is configured as " + key);
    }
    ImageJobParameters parameters;
    ImageJobParameters.Reading reading = ImageJobParameters.read(job);
    if (reading instanceof ImageJobParameters.Reading.Invalid invalid) {
      return failed(FailureClass.UNKNOWN, "the job cannot be sent to Gemini: " + invalid.reason());
    }
    parameters = ((ImageJobParameters.Reading.Valid) reading).parameters();
    List<Part> parts = new ArrayList<>();
    parts.add(Part.text(parameters.prompt()));
    long inputBytes = 0;
    for (String mediaKey : parameters.inputMedia()) {
      Optional<MediaStore.Media> input = media.get(mediaKey);
      if (input.isEmpty()) {
        return failed(FailureClass.UNKNOWN, "an input image of the job is not in the media store");
      }
      String type = input.get().contentType().toLowerCase(Locale.ROOT);
      if (!INPUT_TYPES.contains(type)) {
        return failed(FailureClass.USER_VIOLATION, "an input file is " + type + ", not a PNG, JPEG, WebP or HEIC image");
      }
      inputBytes += input.get().content().length;
      if (inputBytes > MAX_INPUT_BYTES) {
        return failed(FailureClass.USER_VIOLATION, "the input images are larger than Gemini takes ("
            + MAX_INPUT_BYTES / (1024 * 1024) + " MiB together)");
      }
      parts.add(Part.inline(type, input.get().content()));
    }
    GenerateContentRequest request = new GenerateContentRequest(List.of(new Content("user", parts)),
        new GenerationConfig(RESPONSE_MODALITIES, imageConfig(parameters)));
    return call(settings.apiKeys().get(key.index()), request);
  }

  private ImageConfig imageConfig(ImageJobParameters parameters) {
    // Gemini 2.5 Flash Image makes ~1 MP only and has no size setting.
    Optional<String> imageSize = settings.model().startsWith("gemini-2.") ? Optional.empty() : parameters.imageSize();
    if (parameters.aspectRatio().isEmpty() && imageSize.isEmpty()) {
      return null;
    }
    return new ImageConfig(parameters.aspectRatio().orElse(null), imageSize.orElse(null));
  }

  private Outcome call(String apiKey, GenerateContentRequest request) {
    Response<ResponseBody> response;
    try {
      response = api.generateContent(settings.model(), apiKey, request).execute();
    } catch (IOException e) {
      // Timeouts, refused or reset connections, DNS, TLS: the request may not even have arrived.
      return failed(FailureClass.TEMPORARY, "Gemini could not be reached: " + describe(e));
    }
    if (!response.isSuccessful()) {
      byte[] body;
      try (ResponseBody errorBody = response.errorBody()) {
        body = errorBody == null ? new byte[0] : readAtMost(errorBody, MAX_ERROR_BYTES, false);
      } catch (IOException e) {
        body = new byte[0];
      }
      Failure failure = replies.classifyError(response.code(), body);
      return failed(failure.failureClass(), failure.message());
    }
    GenerateContentResponse answer;
    try (ResponseBody body = response.body()) {
      if (body == null) {
        return failed(FailureClass.TEMPORARY, "Gemini answered HTTP " + response.code() + " with no body");
      }
      byte[] bytes = readAtMost(body, MAX_RESPONSE_BYTES, true);
      answer = json.readValue(bytes, GenerateContentResponse.class);
      if (answer == null) {
        return failed(FailureClass.TEMPORARY, "Gemini answered HTTP " + response.code() + " with an empty body");
      }
    } catch (TooLarge e) {
      return failed(FailureClass.UNKNOWN, "Gemini's answer is larger than " + MAX_RESPONSE_BYTES + " bytes");
    } catch (JsonProcessingException e) {
      // Malformed JSON or base64 after a 200: most likely cut or mangled on the way (a proxy, a
      // dropped connection), since Google's own answers parse. Another attempt is the cure.
      return failed(FailureClass.TEMPORARY, "Gemini's answer is not the expected JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return failed(FailureClass.TEMPORARY, "reading Gemini's answer failed: " + describe(e));
    }
    GeminiReplies.Reading reading = replies.read(answer);
    if (reading instanceof GeminiReplies.Reading.Refused refused) {
      return failed(refused.failure().failureClass(), refused.failure().message());
    }
    GeminiReplies.Reading.Image image = (GeminiReplies.Reading.Image) reading;
    try {
      return new Outcome.Done(new ResultRef(media.put(image.data(), image.mimeType())));
    } catch (RuntimeException e) {
      return failed(FailureClass.TEMPORARY, "storing Gemini's image failed: " + describe(e));
    }
  }

  /** Reads the body, refusing (or, for error bodies, cutting) past {@code limit} bytes. */
  private static byte[] readAtMost(ResponseBody body, int limit, boolean refuseLarger) throws IOException {
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() <= limit) {
      if (source.read(buffer, 64 * 1024) == -1) {
        return buffer.readByteArray();
      }
    }
    if (refuseLarger) {
      throw new TooLarge();
    }
    return buffer.readByteArray(limit);
  }

  /** Thrown by {@link #readAtMost} only. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null);
    }
  }

  private Outcome failed(FailureClass failureClass, String message) {
    return new Outcome.Failed(Failure.of(failureClass, scrub(message)));
  }

  /** Belt and braces: whatever the text came from, no configured key survives in it. */
  private String scrub(String message) {
    String scrubbed = message == null ? "" : message;
    for (String apiKey : settings.apiKeys()) {
      scrubbed = scrubbed.replace(apiKey, "[key]");
    }
    return scrubbed;
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static ObjectMapper objectMapper() {
    // Jackson caps strings at 20 M characters by default; a 4K image in base64 can be longer.
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_RESPONSE_BYTES).build())
        .build();
    return new ObjectMapper(factory).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
