package dev.rei.adapters.payments;

import dev.rei.application.port.out.PaymentGateway.GatewayUnavailableException;
import dev.rei.domain.payment.Rail;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One rail's HTTP calls over OkHttp: answers are read with a size cap, and every way a call can go
 * wrong becomes a {@link GatewayUnavailableException} that tells an outage (I/O, timeout, 5xx)
 * from a refusal ({@link RailRefusal}). Messages name the call and the status, never a header.
 */
public final class RailHttp {

  /** No answer of a payment API is near this; a larger one is not an answer of theirs. */
  public static final int MAX_ANSWER_BYTES = 1024 * 1024;

  private final Rail rail;
  private final OkHttpClient client;

  public RailHttp(Rail rail, OkHttpClient baseClient, Duration connectTimeout, Duration callTimeout) {
    this.rail = Objects.requireNonNull(rail, "rail");
    this.client = baseClient.newBuilder()
        .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        // Repeating a POST is the caller's decision (with the same idempotence key), not OkHttp's.
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .build();
  }

  /** The HTTP status and body of an answer the rail gave. */
  public record Answer(int status, byte[] body) {}

  /** Sends {@code request}; any status comes back as an {@link Answer}, only I/O fails. */
  public Answer send(Request request, String what) {
    try (Response response = client.newCall(request).execute()) {
      return new Answer(response.code(), readCapped(response.body(), what));
    } catch (IOException e) {
      throw outage(what + ": " + describe(e), e);
    }
  }

  public GatewayUnavailableException outage(String message, Throwable cause) {
    return new GatewayUnavailableException(rail + " " + message, cause);
  }

  public GatewayUnavailableException refusal(int status, String message) {
    String full = rail + " " + message;
    return new GatewayUnavailableException(full, new RailRefusal(status, full));
  }

  /** An outage for 5xx, a refusal for anything else that is not a success. */
  public GatewayUnavailableException failure(Answer answer, String what, String detail) {
    String message = what + " answered HTTP " + answer.status() + (detail.isEmpty() ? "" : ": " + detail);
    return answer.status() >= 500 ? outage(message, null) : refusal(answer.status(), message);
  }

  private byte[] readCapped(ResponseBody body, String what) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
      if (bytes.length > MAX_ANSWER_BYTES) {
        throw new IOException(what + " answered more than " + MAX_ANSWER_BYTES + " bytes");
      }
      return bytes;
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + truncate(message));
  }

  /** Cuts a rail's text to a log-friendly length. */
  public static String truncate(String text) {
    String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }
}
