package dev.rei.bootstrap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.bootstrap.config.ConfigLoader;
import dev.rei.bootstrap.config.ConfigResult;
import dev.rei.bootstrap.config.Environment;
import dev.rei.bootstrap.config.ReiConfig;
import java.util.Map;

/** Configurations for tests, read by the real loader from exactly the variables given. */
public final class TestConfigs {

  /** A fake token of the real shape: it must never show up in a log. */
  public static final String FAKE_BOT_TOKEN = "7012345678:AAFakeTokenForTests_abcdefghijklmnopq";

  private TestConfigs() {}

  public static ReiConfig load(Map<String, String> variables) {
    ConfigResult result = ConfigLoader.load(Environment.of(variables));
    assertThat(result).as("configuration problems").isInstanceOf(ConfigResult.Valid.class);
    return ((ConfigResult.Valid) result).config();
  }
}
