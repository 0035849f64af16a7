package dev.rei.bootstrap.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.bootstrap.Main;
import dev.rei.bootstrap.sandbox.BotApiEmulator;
import dev.rei.bootstrap.sandbox.EmulatorSettings;
import dev.rei.bootstrap.testing.Http;
import dev.rei.bootstrap.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point in a child JVM, on the embedded default, with a bot token and a provider key
 * configured: it starts, serves health, logs JSON lines with neither secret in them, and on SIGTERM
 * stops and exits with 0 by itself — which it only does when no thread is left holding the JVM.
 */
class GracefulShutdownTest {

  private static final String GEMINI_KEY = "AIzaSyChildJvmFakeKey_0123456789";
  private static final Pattern UP = Pattern.compile("Rei is up: roles \\[[A-Z, ]+], HTTP on port ([0-9]+)");

  @Test
  void givenARunningProcess_whenSigtermArrives_thenItStopsAndExitsWithZero_andNoSecretWasLogged(
      @TempDir Path workDir) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run")
        .directory(workDir.toFile())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    // Only what the test sets: no DATABASE_URL or other setting leaks in from the machine.
    env.keySet().removeIf(name -> !List.of("PATH", "HOME", "LANG", "TMPDIR").contains(name));
    env.putAll(Map.of(
        "BOT_TOKEN", TestConfigs.FAKE_BOT_TOKEN,
        "GEMINI_API_KEY", GEMINI_KEY,
        "DATA_DIR", workDir.resolve("data").toString(),
        "HTTP_PORT", "0",
        "HTTP_HOST", "127.0.0.1",
        "LOG_FORMAT", "json",
        "SHUTDOWN_GRACE_SECONDS", "10"));
    // To a file, not a pipe: Process.destroy() closes the pipe, and the lines about stopping would be lost.
    Path log = workDir.resolve("child.log");
    builder.redirectOutput(log.toFile());
    // The bot polls a local Bot API emulator: SIGTERM must also stop the long polling and its threads.
    BotApiEmulator telegram = BotApiEmulator.started(EmulatorSettings.forToken(TestConfigs.FAKE_BOT_TOKEN));
    env.put("TELEGRAM_API_URL", telegram.baseUrl());
    Process child = builder.start();
    try {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
          .until(() -> port(lines(log)).isPresent() || !child.isAlive());
      assertThat(child.isAlive()).as("child running; output:%n%s", Files.readString(log)).isTrue();
      int port = port(lines(log)).orElseThrow();
      assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);

      child.destroy();

      assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("exited; output:%n%s", Files.readString(log)).isTrue();
      assertThat(child.exitValue()).as("exit code; output:%n%s", Files.readString(log)).isZero();
    } finally {
      child.destroyForcibly();
      telegram.close();
    }
    List<String> output = lines(log);

    assertThat(output).anySatisfy(line -> assertThat(line).contains("SIGTERM received"));
    assertThat(output).anySatisfy(line -> assertThat(line).contains("\"message\":\"stopped\""));
    assertThat(output).anySatisfy(line -> assertThat(line).contains("bot token ******"));
    assertThat(output).allSatisfy(line -> assertThat(line)
        .doesNotContain(TestConfigs.FAKE_BOT_TOKEN)
        .doesNotContain(TestConfigs.FAKE_BOT_TOKEN.substring(TestConfigs.FAKE_BOT_TOKEN.indexOf(':') + 1))
        .doesNotContain(GEMINI_KEY));
    assertThat(output.stream().filter(line -> line.startsWith("{")).count()).isGreaterThan(5);
  }

  private static List<String> lines(Path log) throws java.io.IOException {
    return Files.readAllLines(log, StandardCharsets.UTF_8);
  }

  private static Optional<Integer> port(List<String> output) {
    for (String line : output) {
      Matcher matcher = UP.matcher(line);
      if (matcher.find()) {
        return Optional.of(Integer.parseInt(matcher.group(1)));
      }
    }
    return Optional.empty();
  }
}
