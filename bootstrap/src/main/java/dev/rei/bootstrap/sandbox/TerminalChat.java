package dev.rei.bootstrap.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terminal side of {@code rei sandbox}: one user chatting with the bot through the emulator. Every bot message
 * to the user is printed as it arrives (text, then its buttons numbered [1] [2]…; photos and videos saved to a
 * folder); each input line is sent as the user's message, or presses a button by its number, or is one of the
 * chat's own commands ({@code /photo}, {@code /video}, {@code /pay}, {@code /send}, {@code /quit}).
 */
public final class TerminalChat {

  private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(200);
  private static final Duration PAYMENT_ANSWER_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern BUTTON_NUMBER = Pattern.compile("\\d{1,3}");
  /** The command word, then a file path (in double quotes when it holds spaces), then an optional caption. */
  private static final Pattern FILE_COMMAND = Pattern.compile("/(photo|video)\\s+(?:\"([^\"]+)\"|(\\S+))\\s*(.*)",
      Pattern.DOTALL);

  private final BotApiEmulator emulator;
  private final EmulatedUser user;
  private final BufferedReader input;
  private final PrintStream output;
  private final Path mediaDirectory;
  private final String botName;
  private volatile boolean running;

  /**
   * A chat of this user with the emulator's bot, reading lines from {@code input}, printing to {@code output}
   * and saving media the bot sends under {@code mediaDirectory} (created when needed).
   */
  public TerminalChat(BotApiEmulator emulator, EmulatedUser user, Reader input, PrintStream output,
      Path mediaDirectory) {
    this.emulator = Objects.requireNonNull(emulator, "emulator");
    this.user = Objects.requireNonNull(user, "user");
    this.input = new BufferedReader(Objects.requireNonNull(input, "input"));
    this.output = Objects.requireNonNull(output, "output");
    this.mediaDirectory = Objects.requireNonNull(mediaDirectory, "mediaDirectory");
    this.botName = emulator.settings().botName();
  }

  /** Runs the chat until {@code /quit} or the end of the input; prints what the bot sends meanwhile. */
  public void run() {
    running = true;
    Thread follower = new Thread(this::followBotMessages, "terminal-chat-follower");
    follower.setDaemon(true);
    follower.start();
    output.println("Chatting with " + botName + " as " + user.firstName() + " (user " + user.id() + ")."
        + " Type a message, a button number, /photo <file> [caption], /video <file> [caption], /pay,"
        + " /send <text> (sent as is), /quit.");
    output.flush();
    try {
      readLines();
    } finally {
      running = false;
      try {
        follower.join(FOLLOW_INTERVAL.multipliedBy(5).toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      output.println("Bye.");
      output.flush();
    }
  }

  private void readLines() {
    while (true) {
      String line;
      try {
        line = input.readLine();
      } catch (IOException unreadable) {
        output.println("! cannot read input: " + unreadable.getMessage());
        return;
      }
      if (line == null || line.trim().equals("/quit")) {
        return;
      }
      try {
        handle(line.trim());
      } catch (RuntimeException refused) {
        // A typo in a path or a press on a vanished button must not end the chat.
        output.println("! " + refused.getMessage());
      }
      output.flush();
    }
  }

  private void handle(String line) {
    if (line.isEmpty()) {
      return;
    }
    Matcher fileCommand = FILE_COMMAND.matcher(line);
    if (fileCommand.matches()) {
      sendFile(fileCommand.group(1), fileCommand.group(2) != null ? fileCommand.group(2) : fileCommand.group(3),
          fileCommand.group(4));
    } else if (line.equals("/photo") || line.equals("/video")) {
      output.println("! usage: " + line + " <file> [caption]");
    } else if (line.equals("/pay")) {
      pay();
    } else if (line.startsWith("/send ")) {
      emulator.userSends(user, line.substring("/send ".length()));
    } else if (BUTTON_NUMBER.matcher(line).matches() && pressButton(Integer.parseInt(line))) {
      return;
    } else {
      emulator.userSends(user, line);
    }
  }

  private void sendFile(String kind, String pathText, String caption) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of(pathText));
    } catch (IOException | InvalidPathException unreadable) {
      output.println("! cannot read " + pathText + ": " + unreadable.getMessage());
      return;
    }
    String captionOrNull = caption == null || caption.isBlank() ? null : caption.trim();
    if (kind.equals("photo")) {
      emulator.userSendsPhoto(user, bytes, captionOrNull);
    } else {
      emulator.userSendsVideo(user, bytes, captionOrNull);
    }
  }

  /** Presses button {@code number} of the latest bot message with buttons; false when there is no such button. */
  private boolean pressButton(int number) {
    Optional<ChatMessage> withButtons = latestBotMessage(message -> !message.buttons().isEmpty());
    if (withButtons.isEmpty() || number < 1 || number > withButtons.get().buttons().size()) {
      return false;
    }
    ChatMessage message = withButtons.get();
    Keyboard.Button button = message.buttons().get(number - 1);
    if (message.keyboard().kind() == Keyboard.Kind.REPLY) {
      emulator.userSends(user, button.text());
    } else if (button.callbackData() != null) {
      emulator.userPresses(user, message.messageId(), button.callbackData());
    } else if (button.action().equals("pay")) {
      pay();
    } else if (button.url() != null) {
      output.println("(a link: " + button.url() + ")");
    } else {
      output.println("! the sandbox cannot press a " + button.action() + " button");
    }
    return true;
  }

  private void pay() {
    Optional<ChatMessage> invoice = latestBotMessage(message -> message.invoice() != null);
    if (invoice.isEmpty()) {
      output.println("! there is no invoice to pay");
      return;
    }
    CheckoutResult result = emulator.userPays(user, invoice.get().messageId(), PAYMENT_ANSWER_TIMEOUT);
    if (result.answer().ok()) {
      Invoice paid = invoice.get().invoice();
      output.println("(paid " + paid.totalAmount() + " " + paid.currency() + ")");
    } else {
      output.println("(payment refused by the bot: " + result.answer().errorMessage() + ")");
    }
  }

  private Optional<ChatMessage> latestBotMessage(Predicate<ChatMessage> condition) {
    List<ChatMessage> messages = emulator.messagesTo(user.chatId());
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (condition.test(messages.get(i))) {
        return Optional.of(messages.get(i));
      }
    }
    return Optional.empty();
  }

  private void followBotMessages() {
    int next = emulator.timeline(user.chatId()).size();
    // One last pass after the user quit prints what arrived in the meantime.
    boolean lastPass = false;
    while (!lastPass) {
      // A closed emulator answers at once, so following it further would only spin.
      lastPass = !running || !emulator.isRunning();
      List<ChatMessage> versions = emulator.awaitTimeline(user.chatId(), next, lastPass ? Duration.ZERO
          : FOLLOW_INTERVAL);
      for (ChatMessage version : versions) {
        if (version.fromBot()) {
          print(version);
        }
      }
      next += versions.size();
      output.flush();
    }
  }

  private void print(ChatMessage message) {
    if (message.deleted()) {
      output.println(botName + ": (deleted message #" + message.messageId() + ")");
      return;
    }
    String prefix = message.editCount() > 0 ? botName + " (edited #" + message.messageId() + "): " : botName + ": ";
    StringBuilder line = new StringBuilder(prefix);
    if (message.media() != null) {
      line.append(describeMedia(message)).append(message.caption() != null ? " " : "");
    }
    if (message.invoice() != null) {
      Invoice invoice = message.invoice();
      line.append("[invoice] ").append(invoice.title()).append(" — ").append(invoice.description()).append(": ")
          .append(invoice.totalAmount()).append(' ').append(invoice.currency()).append(" (type /pay to pay)");
    }
    line.append(message.visibleText());
    output.println(line);
    printButtons(message);
  }

  private void printButtons(ChatMessage message) {
    List<List<Keyboard.Button>> rows = message.keyboard() == null ? List.of() : message.keyboard().rows();
    int number = 1;
    for (List<Keyboard.Button> row : rows) {
      StringBuilder line = new StringBuilder("   ");
      for (Keyboard.Button button : row) {
        line.append(" [").append(number++).append("] ").append(button.text());
      }
      output.println(line);
    }
  }

  private String describeMedia(ChatMessage message) {
    Media media = message.media();
    String kind = media.kind().name().toLowerCase(Locale.ROOT);
    if (media.url() != null) {
      return "[" + kind + " at " + media.url() + "]";
    }
    try {
      Files.createDirectories(mediaDirectory);
      Path file = mediaDirectory.resolve("chat" + message.chatId() + "-message" + message.messageId() + "-" + kind
          + extensionOf(media)).toAbsolutePath();
      Files.write(file, emulator.fileBytes(media.fileId()));
      return "[" + kind + " saved to " + file + "]";
    } catch (IOException | UncheckedIOException cannotWrite) {
      return "[" + kind + " could not be saved: " + cannotWrite.getMessage() + "]";
    }
  }

  private static String extensionOf(Media media) {
    String type = media.mimeType() == null ? "" : media.mimeType();
    return switch (type) {
      case "image/png" -> ".png";
      case "image/jpeg" -> ".jpg";
      case "image/gif" -> ".gif";
      case "image/webp" -> ".webp";
      case "video/mp4" -> ".mp4";
      case "application/pdf" -> ".pdf";
      default -> ".bin";
    };
  }
}
