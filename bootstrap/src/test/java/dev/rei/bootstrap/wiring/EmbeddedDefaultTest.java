package dev.rei.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.in.account.GetBalanceUseCase;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.in.user.RegisterUserUseCase;
import dev.rei.application.port.out.UserStore;
import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.testing.Http;
import dev.rei.bootstrap.testing.TestConfigs;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDefaultTest {

  private static final UserId USER = UserId.of(4242);

  @Test
  void givenNoDatabaseNorRedisUrl_whenTheProcessRestartsOnTheSameDataDir_thenTheDataIsStillThere(
      @TempDir Path dataDir) {
    ReiConfig config = TestConfigs.load(Map.of("DATA_DIR", dataDir.toString(), "HTTP_PORT", "0",
        "WELCOME_BONUS", "5"));

    try (ReiProcess first = ReiProcess.start(config, Set.of(), AdapterModules.forConfig(config))) {
      assertThat(Http.get(first.httpPort(), "/health").statusCode()).isEqualTo(200);
      first.injector().getInstance(RegisterUserUseCase.class).register(new RegisterUserCommand(USER, Language.EN));
    }

    try (ReiProcess second = ReiProcess.start(config, Set.of(), AdapterModules.forConfig(config))) {
      assertThat(second.injector().getInstance(UserStore.class).find(USER)).isPresent();
      assertThat(second.injector().getInstance(GetBalanceUseCase.class).balance(USER).available())
          .isEqualTo(Credits.of(5));
      assertThat(Http.get(second.httpPort(), "/health/redis").statusCode()).isEqualTo(200);
    }
    assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).isRegularFile();
    assertThat(dataDir.resolve("redis")).isDirectory();
  }
}
