package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything one emulated bot has: its chats, updates, files, answers and limits, shared by the method handlers. */
final class EmulatorState {

  final EmulatorSettings settings;
  final ObjectMapper json;
  final MessageJson render;
  final Conversations conversations = new Conversations();
  final UpdateQueue updates = new UpdateQueue();
  final FileStore files = new FileStore();
  final CallbackDesk callbacks = new CallbackDesk();
  final PaymentDesk payments = new PaymentDesk();
  final CallLog calls = new CallLog();
  final FloodControl flood;
  private final Map<String, List<BotCommand>> commandsByLanguage = new HashMap<>();

  EmulatorState(EmulatorSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
    this.render = new MessageJson(json, settings);
    this.flood = new FloodControl(settings.floodLimits(), settings.clock());
  }

  Instant now() {
    return settings.clock().instant();
  }

  long nowEpochSeconds() {
    return now().getEpochSecond();
  }

  /** Takes one message from the flood allowance of the chat, or refuses with 429 and retry_after. */
  void admitMessageTo(long chatId) {
    flood.admit(chatId).ifPresent(retryAfter -> {
      throw new ApiRefusal(ApiResponse.tooManyRequests(retryAfter));
    });
  }

  /** Queues a message update for the bot, rendered as it is now. */
  void pushMessageUpdate(ChatMessage message, EmulatedUser user) {
    updates.push("message", render.message(message, user));
  }

  synchronized void setCommands(String languageCode, List<BotCommand> commands) {
    commandsByLanguage.put(languageCode, List.copyOf(commands));
  }

  synchronized List<BotCommand> commands(String languageCode) {
    return commandsByLanguage.getOrDefault(languageCode, List.of());
  }

  void close() {
    updates.close();
    conversations.close();
    payments.close();
  }
}
