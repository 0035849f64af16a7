package dev.rei.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.adapters.persistence.redis.EmbeddedRedisServer;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.testing.Http;
import dev.rei.bootstrap.testing.TestConfigs;
import dev.rei.bootstrap.testing.TestServers;
import dev.rei.bootstrap.wiring.AdapterModules;
import dev.rei.bootstrap.wiring.ReiProcess;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedisDownHealthTest {

  @Test
  void givenRedisStops_whenHealthIsAsked_thenRedisAndTheWholeAreDown_andTheDatabaseStaysUp() {
    EmbeddedRedisServer redis = EmbeddedRedisServer.start();
    ReiConfig config = TestConfigs.load(Map.of("DATABASE_URL", TestServers.newDatabaseUrl(), "REDIS_URL", redis.url(),
        "HTTP_PORT", "0"));
    try (ReiProcess process = ReiProcess.start(config, Set.of(), AdapterModules.forConfig(config))) {
      assertThat(Http.get(process.httpPort(), "/health/redis").statusCode()).isEqualTo(200);

      redis.close();

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        var down = Http.get(process.httpPort(), "/health/redis");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).startsWith("{\"status\":\"DOWN\",\"error\":");
      });
      var all = Http.get(process.httpPort(), "/health");
      assertThat(all.statusCode()).isEqualTo(503);
      assertThat(all.body()).startsWith("{\"status\":\"DOWN\"").contains("\"db\":{\"status\":\"UP\"}");
      assertThat(Http.get(process.httpPort(), "/health/db").statusCode()).isEqualTo(200);
    }
  }
}
