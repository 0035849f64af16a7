package dev.rei.adapters.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.providers.openai.OpenAiJson.ChatRequest;
import dev.rei.adapters.providers.openai.OpenAiJson.ChatResponse;
import dev.rei.adapters.providers.openai.OpenAiJson.Message;
import dev.rei.domain.job.Failure;
import dev.rei.domain.job.FailureClass;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * Writes the Sora prompt of a Reels video with OpenAI chat completions: the template's system
 * prompt and instructions as the system message (so they outrank what the user typed), the product
 * description, wishes and language as the user message. Every answer comes back as a {@link
 * Result}, never as an exception; no API key is ever logged or put in a failure message.
 */
public final class OpenAiScriptWriter implements AutoCloseable {

  /** Sora 2 takes prompts of at most 10,000 characters. */
  public static final int MAX_SCRIPT_LENGTH = 10_000;
  static final int MAX_RESPONSE_BYTES = 1024 * 1024;
  static final int MAX_ERROR_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(OpenAiScriptWriter.class);

  private final OpenAiSettings settings;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final ObjectMapper json;
  private final OpenAiApi api;
  private final OpenAiReplies replies;

  /** With its own HTTP client; {@link #close()} releases it. */
  public OpenAiScriptWriter(OpenAiSettings settings) {
    this(settings, new OkHttpClient(), true);
  }

  /**
   * Sharing {@code baseClient}'s connection pool and dispatcher, with the timeouts of {@code
   * settings}; {@link #close()} leaves the shared client alone.
   */
  public OpenAiScriptWriter(OpenAiSettings settings, OkHttpClient baseClient) {
    this(settings, baseClient, false);
  }

  private OpenAiScriptWriter(OpenAiSettings settings, OkHttpClient baseClient, boolean ownsClient) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = baseClient.newBuilder()
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        // The job's retry policy decides about retries, and knows insufficient_quota is not worth one.
        .retryOnConnectionFailure(false)
        .build();
    this.ownsClient = ownsClient;
    this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.api = new Retrofit.Builder()
        .baseUrl(settings.baseUrl())
        .client(client)
        .addConverterFactory(JacksonConverterFactory.create(json))
        .build()
        .create(OpenAiApi.class);
    this.replies = new OpenAiReplies(json);
  }

  /** How many API keys are configured: key {@code i} is {@code KeyId("openai", i)}. */
  public int keyCount() {
    return settings.apiKeys().size();
  }

  /**
   * What the script writer is asked.
   *
   * @param system the template's system prompt
   * @param instructions the template's instructions
   * @param product the user's product description
   * @param wishes the user's extra wishes, if any
   * @param language the language of the spoken lines, "ru" or "en"…
   */
  public record ScriptRequest(String system, String instructions, String product, Optional<String> wishes,
      String language) {

    public ScriptRequest {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(instructions, "instructions");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(wishes, "wishes");
      Objects.requireNonNull(language, "language");
    }
  }

  /** What writing found. */
  public sealed interface Result {

    /** The Sora prompt, at most {@link #MAX_SCRIPT_LENGTH} characters. */
    record Written(String script) implements Result {}

    record Failed(Failure failure) implements Result {}
  }

  /** Writes the script with API key number {@code keyIndex}. */
  public Result write(ScriptRequest request, int keyIndex) {
    Objects.requireNonNull(request, "request");
    if (keyIndex < 0 || keyIndex >= settings.apiKeys().size()) {
      return failed(FailureClass.UNKNOWN, "no OpenAI API key is configured as openai#" + keyIndex);
    }
    long started = System.nanoTime();
    Result result = call(settings.apiKeys().get(keyIndex), chatRequest(request));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (result instanceof Result.Failed failed) {
      log.warn("openai script key=openai#{} model={} failed {} after {} ms: {}", keyIndex, settings.model(),
          failed.failure().failureClass(), millis, failed.failure().message());
    } else {
      log.info("openai script key=openai#{} model={} written after {} ms", keyIndex, settings.model(), millis);
    }
    return result;
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private ChatRequest chatRequest(ScriptRequest request) {
    String system = request.system().strip() + "\n\n" + request.instructions().strip();
    StringBuilder user = new StringBuilder();
    user.append("Описание товара:\n").append(request.product().strip()).append("\n\n");
    user.append("Дополнительные пожелания:\n").append(request.wishes().map(String::strip).orElse("нет")).append("\n\n");
    user.append("Язык реплик и закадрового голоса: ").append(request.language());
    return new ChatRequest(settings.model(), List.of(Message.of("system", system), Message.of("user", user.toString())),
        settings.maxCompletionTokens());
  }

  private Result call(String apiKey, ChatRequest request) {
    Response<ResponseBody> response;
    try {
      response = api.chatCompletions("Bearer " + apiKey, request).execute();
    } catch (IOException e) {
      // Timeouts, refused or reset connections, DNS, TLS: the request may not even have arrived.
      return failed(FailureClass.TEMPORARY, "OpenAI could not be reached: " + describe(e));
    }
    if (!response.isSuccessful()) {
      byte[] body;
      try (ResponseBody errorBody = response.errorBody()) {
        body = errorBody == null ? new byte[0] : readAtMost(errorBody, MAX_ERROR_BYTES);
      } catch (IOException e) {
        body = new byte[0];
      }
      Failure failure = replies.classifyError(response.code(), body);
      return failed(failure.failureClass(), failure.message());
    }
    ChatResponse answer;
    try (ResponseBody body = response.body()) {
      if (body == null) {
        return failed(FailureClass.TEMPORARY, "OpenAI answered HTTP " + response.code() + " with no body");
      }
      byte[] bytes = readAtMost(body, MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        return failed(FailureClass.TEMPORARY, "OpenAI's answer is larger than " + MAX_RESPONSE_BYTES + " bytes");
      }
      answer = json.readValue(bytes, ChatResponse.class);
    } catch (JsonProcessingException e) {
      return failed(FailureClass.TEMPORARY, "OpenAI's answer is not the expected JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return failed(FailureClass.TEMPORARY, "OpenAI's answer could not be read: " + describe(e));
    }
    if (answer == null) {
      return failed(FailureClass.TEMPORARY, "OpenAI answered with JSON null");
    }
    OpenAiReplies.Reading reading = replies.read(answer);
    if (reading instanceof OpenAiReplies.Reading.Refused refused) {
      return failed(refused.failure().failureClass(), refused.failure().message());
    }
    OpenAiReplies.Reading.Script script = (OpenAiReplies.Reading.Script) reading;
    if (script.truncated()) {
      // A cut prompt still makes a video; Sora reads what is there.
      log.info("openai script was cut at {} tokens; using what came", settings.maxCompletionTokens());
    }
    return new Result.Written(cut(script.text()));
  }

  private static String cut(String text) {
    if (text.length() <= MAX_SCRIPT_LENGTH) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_SCRIPT_LENGTH - 1)) ? MAX_SCRIPT_LENGTH - 1 : MAX_SCRIPT_LENGTH;
    return text.substring(0, end);
  }

  private static byte[] readAtMost(ResponseBody body, int limit) throws IOException {
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() < limit) {
      if (source.read(buffer, 64 * 1024) == -1) {
        break;
      }
    }
    return buffer.readByteArray(Math.min(buffer.size(), limit));
  }

  private Result failed(FailureClass failureClass, String message) {
    return new Result.Failed(Failure.of(failureClass, scrub(message)));
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
}
