package dev.rei.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private HttpEndpoint endpoint;

  @BeforeEach
  void start() throws Exception {
    endpoint = new HttpEndpoint("127.0.0.1", 0, Map.of(
        "/echo", call -> call.method().equals("POST")
            ? HttpReply.text(200, call.header("X-Name").orElse("?") + ":" + new String(call.body(), StandardCharsets.UTF_8))
            : HttpReply.methodNotAllowed(),
        "/broken", call -> {
          throw new IllegalStateException("secret detail");
        },
        "/health/x", call -> call.isRead() ? HttpReply.json(503, "{\"status\":\"DOWN\"}") : HttpReply.methodNotAllowed()));
    endpoint.start();
  }

  @AfterEach
  void stop() {
    endpoint.stop(Duration.ofSeconds(1));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String path) throws Exception {
    return client.send(request.uri(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void givenAPost_whenRouted_thenTheRouteSeesHeadersAndBody() throws Exception {
    HttpResponse<String> reply = send(HttpRequest.newBuilder().header("X-Name", "rei")
        .POST(HttpRequest.BodyPublishers.ofString("hello")), "/echo");

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("rei:hello");
  }

  @Test
  void givenHostileRequests_whenServed_thenEachGetsACleanRefusal() throws Exception {
    assertThat(send(HttpRequest.newBuilder().GET(), "/echo").statusCode()).isEqualTo(405);
    assertThat(send(HttpRequest.newBuilder().GET(), "/nope").statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(
        new byte[HttpEndpoint.MAX_BODY_BYTES + 1])), "/echo").statusCode()).isEqualTo(413);
    HttpResponse<String> broken = send(HttpRequest.newBuilder().GET(), "/broken");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).doesNotContain("secret detail");
  }

  @Test
  void givenATrailingSlashOrHead_whenServed_thenTheRouteAnswersWithItsStatus() throws Exception {
    assertThat(send(HttpRequest.newBuilder().GET(), "/health/x/").statusCode()).isEqualTo(503);
    HttpResponse<String> head = send(HttpRequest.newBuilder().method("HEAD", HttpRequest.BodyPublishers.noBody()),
        "/health/x");
    assertThat(head.statusCode()).isEqualTo(503);
    assertThat(head.body()).isEmpty();
  }
}
