package dev.rei.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.rei.bootstrap.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MaskingEncoderTest {

  private static final String KEY = "AIzaSyFakeGeminiKey\"with-quote";
  private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();

  @AfterEach
  void forgetSecrets() {
    SecretMasker.clear();
  }

  private String encode(Encoder<ILoggingEvent> delegate, String message, Throwable error) {
    MaskingEncoder encoder = new MaskingEncoder();
    encoder.setContext(context);
    encoder.setDelegate(delegate);
    encoder.start();
    LoggingEvent event = new LoggingEvent("test", context.getLogger("dev.rei.test"), Level.WARN, message, error,
        null);
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private PatternLayoutEncoder text() {
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(LogSetup.TEXT_PATTERN);
    return text;
  }

  private LogstashEncoder json() {
    LogstashEncoder json = new LogstashEncoder();
    json.setContext(context);
    return json;
  }

  @Test
  void givenABotTokenInAMessageAndAnException_whenEncodedAsText_thenItIsMaskedAndTheEventIsOneLine() {
    String url = "https://api.telegram.org/bot" + TestConfigs.FAKE_BOT_TOKEN + "/getUpdates";

    String line = encode(text(), "polling " + url + " failed",
        new IllegalStateException("GET " + url, new RuntimeException("nested " + TestConfigs.FAKE_BOT_TOKEN)));

    assertThat(line).doesNotContain(TestConfigs.FAKE_BOT_TOKEN).doesNotContain("AAFakeToken")
        .contains("https://api.telegram.org/bot******/getUpdates failed", "IllegalStateException", " | ");
    assertThat(line.strip()).doesNotContain("\n");
    assertThat(line).endsWith(System.lineSeparator());
  }

  @Test
  void givenARegisteredSecret_whenEncodedAsJson_thenItIsMaskedInItsEscapedForm() {
    SecretMasker.register(List.of(KEY));

    String line = encode(json(), "calling gemini with key " + KEY, new IllegalArgumentException("bad key " + KEY));

    assertThat(line).doesNotContain("AIzaSyFakeGeminiKey").contains("calling gemini with key ******")
        .startsWith("{").contains("\"stack_trace\"");
    assertThat(line.strip()).doesNotContain("\n");
  }

  @Test
  void givenNoException_whenEncodedAsText_thenTheLineHasNoSeparator() {
    String line = encode(text(), "plain message", null);

    assertThat(line).contains("WARN ", "dev.rei.test - plain message").doesNotContain(" | ");
  }

  @Test
  void givenAShortSecret_whenRegistered_thenOrdinaryWordsAreNotMasked() {
    SecretMasker.register(List.of("pw", "the"));

    assertThat(SecretMasker.mask("the password")).isEqualTo("the password");
  }
}
