package dev.rei.bootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's terminal chat with a real TelegramBots bot behind the emulator, over in-memory streams. */
class TerminalChatTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final EmulatedUser USER = EmulatedUser.of(7, "Sam").withLanguage("en");

  @TempDir
  Path folder;

  private BotApiEmulator emulator;
  private TelegramBotsHarness bot;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private PipedWriter keyboard;
  private Thread chat;

  @BeforeEach
  void start() throws IOException {
    emulator = BotApiEmulator.started(EmulatorSettings.forToken("123456:TEST-token"));
    bot = TelegramBotsHarness.start(emulator, DemoBot::handle);
    keyboard = new PipedWriter();
    PipedReader input = new PipedReader(keyboard);
    TerminalChat terminal = new TerminalChat(emulator, USER, input,
        new PrintStream(printed, true, StandardCharsets.UTF_8), folder.resolve("media"));
    chat = new Thread(terminal::run, "terminal-chat-test");
    chat.setDaemon(true);
    chat.start();
  }

  @AfterEach
  void stop() throws InterruptedException, IOException {
    keyboard.close();
    chat.join(WAIT.toMillis());
    bot.close();
    emulator.close();
  }

  private void type(String line) throws IOException {
    keyboard.write(line + "\n");
    keyboard.flush();
  }

  private String screen() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void givenATerminal_whenTheUserChatsPressesAndSendsAPhoto_thenTheBotsAnswersArePrinted() throws IOException {
    type("/start");
    await().atMost(WAIT).until(() -> screen().contains("[2] B"));
    assertThat(screen()).contains("Rei: Pick one\n    [1] A [2] B\n");

    type("2");
    await().atMost(WAIT).until(() -> screen().contains("Rei (edited #2): You chose B"));

    Path photo = folder.resolve("cat.png");
    byte[] image = TestImages.png();
    Files.write(photo, image);
    type("/photo " + photo + " my cat");
    await().atMost(WAIT).until(() -> screen().contains("Echo: my cat"));
    try (Stream<Path> saved = Files.list(folder.resolve("media"))) {
      Path file = saved.findFirst().orElseThrow();
      assertThat(Files.readAllBytes(file)).isEqualTo(image);
      assertThat(screen()).contains("Rei: [photo saved to " + file + "] Echo: my cat");
    }

    type("hello there");
    await().atMost(WAIT).until(() -> screen().contains("Rei: You said: hello there"));

    type("/quit");
    await().atMost(WAIT).until(() -> !chat.isAlive());
    assertThat(screen()).endsWith("Bye.\n");
  }

  @Test
  void givenNoButtons_whenTheUserTypesANumberOrAMissingFile_thenTheNumberIsTextAndTheFileAnError()
      throws IOException {
    type("5");
    await().atMost(WAIT).until(() -> screen().contains("Rei: You said: 5"));

    type("/photo " + folder.resolve("missing.png"));
    await().atMost(WAIT).until(() -> screen().contains("! cannot read"));

    type("/send 1");
    await().atMost(WAIT).until(() -> screen().contains("Rei: You said: 1"));
  }

  @Test
  void givenAnInvoice_whenTheUserTypesPay_thenThePaymentGoesThrough() throws IOException {
    type("/buy");
    await().atMost(WAIT).until(() -> screen().contains("[invoice] 100 credits"));

    type("/pay");

    await().atMost(WAIT).until(() -> screen().contains("(paid 50 XTR)"));
    await().atMost(WAIT).until(() -> screen().contains("Rei: Paid 50 stars"));
  }
}
