package dev.rei.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.bootstrap.config.Environment;
import dev.rei.bootstrap.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Launch launch(Map<String, String> variables, Optional<SandboxLauncher> sandbox) {
    return new Launch(() -> Environment.of(variables), stop -> { }, sandbox,
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void givenMigrate_whenRun_thenTheSchemaIsCreatedAndTheCommandExits() throws Exception {
    String url = TestServers.newDatabaseUrl();

    int exitCode = ReiCommand.commandLine(launch(Map.of("DATABASE_URL", url, "DATABASE_USER", "postgres"),
        Optional.empty())).execute("migrate");

    assertThat(exitCode).isZero();
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        ResultSet rows = connection.createStatement()
            .executeQuery("select count(*) from flyway_schema_history where success")) {
      rows.next();
      assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void givenMalformedSettings_whenAnyCommandStarts_thenEachProblemIsPrintedAndTheExitCodeIs2() {
    int exitCode = ReiCommand.commandLine(launch(Map.of("HTTP_PORT", "http", "WORKER_THREADS", "-1"),
        Optional.empty())).execute("worker");

    assertThat(exitCode).isEqualTo(ExitCodes.BAD_CONFIGURATION);
    assertThat(err().lines()).contains("config: HTTP_PORT: must be a whole number between 0 and 65535, was \"http\"",
        "config: WORKER_THREADS: must be between 1 and 256, was -1");
  }

  @Test
  void givenAWorkerWithRealProvidersAndNoKey_whenStarted_thenTheKeyIsNamed() {
    int exitCode = ReiCommand.commandLine(launch(Map.of(), Optional.empty())).execute("worker");

    assertThat(exitCode).isEqualTo(ExitCodes.BAD_CONFIGURATION);
    assertThat(err()).startsWith("config: GEMINI_API_KEY: required");
  }

  @Test
  void givenBotWithoutAToken_whenStarted_thenTheTokenIsNamed() {
    int exitCode = ReiCommand.commandLine(launch(Map.of(), Optional.empty())).execute("bot");

    assertThat(exitCode).isEqualTo(ExitCodes.BAD_CONFIGURATION);
    assertThat(err()).startsWith("config: BOT_TOKEN: required by 'bot'");
  }

  @Test
  void givenNoCommandAndNoToken_whenStarted_thenTheSandboxRunsInstead() {
    Map<String, String> seen = new java.util.HashMap<>();
    SandboxLauncher sandbox = context -> {
      seen.put("dataDir", context.config().dataDir().toString());
      return 0;
    };

    int exitCode = ReiCommand.commandLine(launch(Map.of("DATA_DIR", "/tmp/rei-sandbox-test"), Optional.of(sandbox)))
        .execute();

    assertThat(exitCode).isZero();
    assertThat(seen).containsEntry("dataDir", "/tmp/rei-sandbox-test");
  }

  @Test
  void givenNoTokenAndNoSandboxInTheBuild_whenRun_thenItSaysSoAndFails() {
    int exitCode = ReiCommand.commandLine(launch(Map.of(), Optional.empty())).execute("run");

    assertThat(exitCode).isEqualTo(ExitCodes.FAILED);
    assertThat(err()).contains("this build has no sandbox; set BOT_TOKEN");
  }

  @Test
  void givenHelp_whenAsked_thenEveryCommandIsListed() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = ReiCommand.commandLine(launch(Map.of(), Optional.empty()));
    commandLine.setOut(new PrintWriter(out));

    int exitCode = commandLine.execute("--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("Usage: rei", "run", "bot", "worker", "migrate", "sandbox");
  }

  @Test
  void givenAnUnknownCommand_whenStarted_thenUsageErrorExitCode2() {
    int exitCode = ReiCommand.commandLine(launch(Map.of(), Optional.empty())).execute("serve");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err()).contains("Unmatched argument");
  }
}
