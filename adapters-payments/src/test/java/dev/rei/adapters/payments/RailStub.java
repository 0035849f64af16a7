package dev.rei.adapters.payments;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A MockWebServer that answers each path with what the test last set for it, and 404 otherwise. */
public final class RailStub implements AutoCloseable {

  public final MockWebServer server = new MockWebServer();
  private final Map<String, MockResponse> answers = new ConcurrentHashMap<>();

  public RailStub() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        MockResponse answer = answers.get(request.getMethod() + " " + request.getPath());
        return answer != null ? answer : new MockResponse().setResponseCode(404)
            .setBody("{\"type\":\"error\",\"code\":\"not_found\",\"state\":1,\"message\":\"Payment not found\"}");
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** From now on, answers {@code method path} with {@code response}. */
  public void answer(String method, String path, MockResponse response) {
    answers.put(method + " " + path, response);
  }

  public String baseUrl() {
    return server.url("/").toString();
  }

  public int requests() {
    return server.getRequestCount();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
