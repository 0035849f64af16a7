package dev.rei.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryMediaStore;
import dev.rei.application.fakes.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaLinksTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
  private final InMemoryMediaStore media = new InMemoryMediaStore();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpEndpoint endpoint;
  private MediaLinks links;

  @BeforeEach
  void start() throws Exception {
    links = new MediaLinks(URI.create("https://rei.example.com/"), SECRET, Duration.ofHours(72), clock);
    endpoint = new HttpEndpoint("127.0.0.1", 0, Map.of("/media/*", new MediaRoute(links, media)));
    endpoint.start();
  }

  @AfterEach
  void stop() {
    endpoint.stop(Duration.ofSeconds(1));
  }

  private HttpResponse<byte[]> get(String link) throws Exception {
    String pathAndQuery = link.replace("https://rei.example.com", "");
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + pathAndQuery))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void givenALink_whenFetched_thenTheFileComesBackWithItsType() throws Exception {
    String key = media.put(new byte[] {1, 2, 3}, "video/mp4");

    String link = links.linkFor(key, "video/mp4").orElseThrow();
    HttpResponse<byte[]> reply = get(link);

    assertThat(link).startsWith("https://rei.example.com/media/" + key + "?exp=");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).contains("video/mp4");
    assertThat(reply.body()).containsExactly(1, 2, 3);
  }

  @Test
  void givenForgedExpiredOrForeignLinks_whenFetched_thenEachIsAPlain404() throws Exception {
    String key = media.put(new byte[] {1}, "video/mp4");
    String other = media.put(new byte[] {2}, "video/mp4");
    String link = links.link(key).orElseThrow();

    assertThat(get(link.replace(key, other)).statusCode()).isEqualTo(404);
    assertThat(get(link.replaceAll("sig=.", "sig=A")).statusCode()).isEqualTo(404);
    assertThat(get(link.replaceAll("exp=\\d+", "exp=99999999999")).statusCode()).isEqualTo(404);
    assertThat(get("/media/" + key).statusCode()).isEqualTo(404);
    assertThat(get("/media/..%2F..%2Fetc%2Fpasswd?exp=1&sig=x").statusCode()).isEqualTo(404);
    MediaLinks otherSecret = new MediaLinks(URI.create("https://rei.example.com"), SECRET.replace('0', '1'),
        Duration.ofHours(1), clock);
    assertThat(get(otherSecret.link(key).orElseThrow()).statusCode()).isEqualTo(404);

    clock.advance(Duration.ofHours(72));
    assertThat(get(link).statusCode()).isEqualTo(404);
  }

  @Test
  void givenAKeyThatCannotBeInAPath_whenLinked_thenThereIsNoLink() {
    assertThat(links.link("../secret")).isEmpty();
    assertThat(links.link("a/b")).isEmpty();
    assertThat(links.link("")).isEmpty();
  }
}
