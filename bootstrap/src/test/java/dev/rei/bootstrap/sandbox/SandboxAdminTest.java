package dev.rei.bootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.bootstrap.config.ReiConfig;
import dev.rei.bootstrap.testing.TestConfigs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxAdminTest {

  @Test
  void givenNoAdminIds_theSandboxUserIsTheAdmin() {
    ReiConfig config = TestConfigs.load(Map.of());

    assertThat(config.bot().adminIds()).isEmpty();
    assertThat(Sandbox.withSandboxAdmin(config).bot().adminIds()).containsExactly(Sandbox.USER_ID);
  }

  @Test
  void givenAdminIds_theSandboxKeepsThem() {
    ReiConfig config = TestConfigs.load(Map.of("ADMIN_IDS", "42"));

    assertThat(Sandbox.withSandboxAdmin(config).bot().adminIds()).containsExactly(42L);
  }
}
