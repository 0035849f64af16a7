package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Telegram Bot API: an HTTP server on loopback that one bot talks to as if it were
 * api.telegram.org, and the users around it, played by tests and the sandbox.
 *
 * <p>The bot side speaks the Bot API at {@code <baseUrl>/bot<token>/<method>} (getMe, getUpdates with long
 * polling, sendMessage, edits, media with multipart uploads, getFile and downloads at
 * {@code <baseUrl>/file/bot<token>/<file_path>}, invoices and pre-checkout answers…) and enforces Telegram's
 * limits. The user side injects messages, photos, button presses and payments as updates, and lets a test observe
 * every call and every message. Point TelegramBots at it with
 * {@code new TelegramUrl("http", emulator.host(), emulator.port(), false)}.
 */
public final class BotApiEmulator implements AutoCloseable {

  private static final Pattern COMMAND = Pattern.compile("(?<![\\S])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?");

  private final EmulatorState state;
  private final BotApiServer server;
  private InetSocketAddress address;
  private boolean closed;

  public BotApiEmulator(EmulatorSettings settings) {
    Objects.requireNonNull(settings, "settings");
    ObjectMapper json = new ObjectMapper();
    this.state = new EmulatorState(settings, json);
    this.server = new BotApiServer(settings.token(), new BotApiDispatcher(state), state.files, json);
  }

  /** An emulator with these settings, already listening on a free loopback port. */
  public static BotApiEmulator started(EmulatorSettings settings) {
    return new BotApiEmulator(settings).start();
  }

  /** Starts listening on a free port of 127.0.0.1. */
  public BotApiEmulator start() {
    return start(0);
  }

  /** Starts listening on the given port of 127.0.0.1 (0 picks a free one). */
  public synchronized BotApiEmulator start(int port) {
    if (address != null || closed) {
      throw new IllegalStateException("an emulator starts once");
    }
    try {
      address = server.start(port);
    } catch (IOException cannotListen) {
      throw new UncheckedIOException("the Bot API emulator cannot listen on port " + port, cannotListen);
    }
    return this;
  }

  /** Stops the server; waiting long polls and waiting observers return at once. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    state.close();
    server.close();
  }

  /** Whether the emulator is listening: started and not closed. */
  public synchronized boolean isRunning() {
    return address != null && !closed;
  }

  /** The Bot API base URL, such as {@code http://127.0.0.1:40123}; the token is not part of it. */
  public synchronized String baseUrl() {
    return "http://" + host() + ":" + port();
  }

  public String host() {
    return "127.0.0.1";
  }

  public synchronized int port() {
    if (address == null) {
      throw new IllegalStateException("the emulator is not started");
    }
    return address.getPort();
  }

  public EmulatorSettings settings() {
    return state.settings;
  }

  /** The token the emulator accepts. */
  public String token() {
    return state.settings.token();
  }

  // ---- acting as users ----

  /** The user writes a text to the bot (a command gets its bot_command entity); returns the user's message. */
  public ChatMessage userSends(EmulatedUser user, String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Telegram clients do not send empty messages");
    }
    return userMessage(user, text, null, null);
  }

  /** The user with this id (named "User &lt;id&gt;", or as last seen) writes a text to the bot. */
  public ChatMessage userSends(long userId, String text) {
    return userSends(knownUser(userId), text);
  }

  /** The user sends a photo (PNG, JPEG, GIF or BMP bytes) with an optional caption; the bot can getFile it. */
  public ChatMessage userSendsPhoto(EmulatedUser user, byte[] image, String caption) {
    FileStore.Dimensions dimensions = FileStore.imageDimensions(image)
        .orElseThrow(() -> new IllegalArgumentException("a photo must be an image Java can read"));
    FileStore.StoredFile file = state.files.store(Media.Kind.PHOTO, image, null, null, dimensions);
    return userMessage(user, null, caption, file.toMedia(0));
  }

  /** The user sends a video with an optional caption; the bot can getFile it. */
  public ChatMessage userSendsVideo(EmulatedUser user, byte[] video, String caption) {
    FileStore.StoredFile file = state.files.store(Media.Kind.VIDEO, video, "video.mp4", "video/mp4",
        new FileStore.Dimensions(1280, 720));
    return userMessage(user, null, caption, file.toMedia(5));
  }

  /** The user sends a file as a document, with an optional caption; the bot can getFile it. */
  public ChatMessage userSendsDocument(EmulatedUser user, byte[] bytes, String fileName, String caption) {
    FileStore.StoredFile file = state.files.store(Media.Kind.DOCUMENT, bytes, fileName, null,
        new FileStore.Dimensions(0, 0));
    return userMessage(user, null, caption, file.toMedia(0));
  }

  /**
   * The user replies with a text to the bot's message {@code repliedToMessageId} in their private chat (the update
   * carries {@code reply_to_message}, as Telegram's does); returns the user's message.
   */
  public ChatMessage userReplies(EmulatedUser user, int repliedToMessageId, String text) {
    state.conversations.open(user);
    state.conversations.setBlocked(user, false);
    return reply(user, user.chatId(), repliedToMessageId, text);
  }

  /** {@code member} adds the bot to group {@code chatId} (negative): from then on the bot may write there. */
  public void addBotToGroup(long chatId, EmulatedUser member) {
    state.conversations.openGroup(chatId, member);
  }

  /** {@code user} replies with a text to the bot's message {@code repliedToMessageId} in group {@code chatId}. */
  public ChatMessage userRepliesInGroup(EmulatedUser user, long chatId, int repliedToMessageId, String text) {
    if (chatId >= 0 || state.conversations.user(chatId).isEmpty()) {
      throw new IllegalArgumentException("the bot is in no group " + chatId);
    }
    return reply(user, chatId, repliedToMessageId, text);
  }

  private ChatMessage reply(EmulatedUser user, long chatId, int repliedToMessageId, String text) {
    Objects.requireNonNull(text, "text");
    ChatMessage original = state.conversations.find(chatId, repliedToMessageId)
        .filter(found -> !found.deleted())
        .orElseThrow(() -> new IllegalArgumentException(
            "there is no message " + repliedToMessageId + " in chat " + chatId + " to reply to"));
    ChatMessage message = state.conversations.append(chatId, messageId -> new ChatMessage(chatId, messageId, false,
        user.id(), state.nowEpochSeconds(), text, null, null, commandEntities(text), null, null, null, null, 0, 0,
        false));
    ObjectNode rendered = state.render.message(message, user);
    rendered.set("reply_to_message", state.render.message(original, user));
    state.updates.push("message", rendered);
    return message;
  }

  /**
   * The user presses the inline button with this callback data under a message the bot sent to them; returns the
   * callback_query id. Throws IllegalArgumentException when that message shows no such button, since a Telegram
   * client can only press what is there.
   */
  public String userPresses(EmulatedUser user, int messageId, String callbackData) {
    ChatMessage message = state.conversations.find(user.chatId(), messageId)
        .filter(found -> !found.deleted() && found.fromBot())
        .orElseThrow(() -> new IllegalArgumentException(
            "the bot has no message " + messageId + " in chat " + user.chatId()));
    if (message.keyboard() == null || message.keyboard().kind() != Keyboard.Kind.INLINE
        || !message.keyboard().offersCallbackData(callbackData)) {
      throw new IllegalArgumentException("message " + messageId + " in chat " + user.chatId()
          + " has no inline button with callback data \"" + callbackData + "\"; its buttons: " + message.buttons());
    }
    return pushCallbackQuery(user, messageId, callbackData);
  }

  /** The user presses the inline button with this label; see {@link #userPresses}. */
  public String userPressesButton(EmulatedUser user, int messageId, String buttonText) {
    ChatMessage message = state.conversations.find(user.chatId(), messageId)
        .filter(found -> !found.deleted() && found.fromBot())
        .orElseThrow(() -> new IllegalArgumentException(
            "the bot has no message " + messageId + " in chat " + user.chatId()));
    String data = message.callbackDataOf(buttonText).orElseThrow(() -> new IllegalArgumentException(
        "message " + messageId + " has no inline button \"" + buttonText + "\"; its buttons: "
            + message.buttonTexts()));
    return userPresses(user, messageId, data);
  }

  /**
   * A callback query with any data for any message id, as a modified client could send: for security tests of
   * the bot. A message that does not exist arrives as an inaccessible message (date 0).
   */
  public String userPressesForged(EmulatedUser user, int messageId, String callbackData) {
    state.conversations.open(user);
    return pushCallbackQuery(user, messageId, callbackData);
  }

  /** The user taps Pay on an invoice the bot sent them: the bot gets a pre_checkout_query; returns its id. */
  public String userPaysPreCheckout(EmulatedUser user, int invoiceMessageId) {
    ChatMessage message = state.conversations.find(user.chatId(), invoiceMessageId)
        .filter(found -> !found.deleted() && found.fromBot() && found.invoice() != null)
        .orElseThrow(() -> new IllegalArgumentException(
            "the bot sent no invoice as message " + invoiceMessageId + " to chat " + user.chatId()));
    Invoice invoice = message.invoice();
    PaymentDesk.Checkout checkout = state.payments.openCheckout(user, invoice, state.now());
    ObjectNode query = state.json.createObjectNode();
    query.put("id", checkout.queryId());
    query.set("from", state.render.user(user));
    query.put("currency", invoice.currency());
    query.put("total_amount", invoice.totalAmount());
    query.put("invoice_payload", invoice.payload());
    state.updates.push("pre_checkout_query", query);
    return checkout.queryId();
  }

  /**
   * Telegram completes the payment of a pre-checkout query the bot accepted: the bot gets the successful_payment
   * service message, which is returned. Throws IllegalStateException when the bot did not accept the query or it
   * was already paid.
   */
  public ChatMessage userCompletesPayment(EmulatedUser user, String preCheckoutQueryId) {
    PaymentDesk.Checkout checkout = state.payments.claimForPayment(preCheckoutQueryId);
    if (checkout.user().id() != user.id()) {
      throw new IllegalArgumentException("pre-checkout query " + preCheckoutQueryId + " belongs to another user");
    }
    SuccessfulPayment payment = state.payments.charge(checkout);
    ChatMessage message = state.conversations.append(user.chatId(), messageId -> new ChatMessage(user.chatId(),
        messageId, false, user.id(), state.nowEpochSeconds(), null, null, null, List.of(), null, null, null, payment,
        0, 0, false));
    state.pushMessageUpdate(message, state.conversations.user(user.chatId()).orElse(user));
    return message;
  }

  /**
   * The whole checkout: pre-checkout query, the bot's answer (waited for up to the timeout) and, if the bot
   * accepted, the successful payment.
   */
  public CheckoutResult userPays(EmulatedUser user, int invoiceMessageId, Duration answerTimeout) {
    String queryId = userPaysPreCheckout(user, invoiceMessageId);
    PreCheckoutAnswer answer = awaitPreCheckoutAnswer(queryId, answerTimeout).orElseThrow(() ->
        new IllegalStateException("the bot did not answer pre-checkout query " + queryId + " within "
            + answerTimeout));
    return new CheckoutResult(answer, answer.ok() ? userCompletesPayment(user, queryId) : null);
  }

  /** The user blocks the bot: sending to them is answered 403 until they write again. */
  public void userBlocksBot(EmulatedUser user) {
    state.conversations.setBlocked(user, true);
  }

  // ---- observing ----

  /**
   * Every call the bot made, in the order they were answered, with the emulator's answers. A call is recorded
   * once its answer is ready, a moment after its effect (such as a sent message) became visible: right after
   * seeing a message, wait for its call (with Awaitility) rather than expecting it at once.
   */
  public List<RecordedCall> calls() {
    return state.calls.all();
  }

  /** The calls of one method, in any case spelling. */
  public List<RecordedCall> callsOf(String method) {
    return state.calls.all().stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
  }

  /** The calls answered 429 Too Many Requests. */
  public List<RecordedCall> tooManyRequestsAnswered() {
    return state.calls.all().stream().filter(call -> call.httpStatus() == 429).toList();
  }

  /** The bot's messages in the chat, current versions, deleted ones left out, by message id. */
  public List<ChatMessage> messagesTo(long chatId) {
    return state.conversations.messages(chatId, true);
  }

  /** Both sides of the chat, current versions, deleted ones left out, by message id. */
  public List<ChatMessage> chatHistory(long chatId) {
    return state.conversations.messages(chatId, false);
  }

  /** The bot's latest message in the chat that is not deleted. */
  public Optional<ChatMessage> lastMessageTo(long chatId) {
    List<ChatMessage> messages = messagesTo(chatId);
    return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
  }

  /** The current version of a message, also a deleted one (then {@code deleted()} is true). */
  public Optional<ChatMessage> message(long chatId, int messageId) {
    return state.conversations.find(chatId, messageId);
  }

  /** Every version of every message of the chat in the order they happened: sends, edits and deletions. */
  public List<ChatMessage> timeline(long chatId) {
    return state.conversations.timeline(chatId, 0);
  }

  /**
   * The timeline of the chat from {@code fromIndex} on, waiting up to the timeout for at least one entry; empty
   * when none came. The terminal chat follows a chat this way.
   */
  public List<ChatMessage> awaitTimeline(long chatId, int fromIndex, Duration timeout) {
    try {
      return state.conversations.awaitTimeline(chatId, fromIndex, timeout);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** The first bot message in the chat sent after the chat's current last message (of either side). */
  public ChatMessage awaitNextMessageTo(long chatId, Duration timeout) {
    return awaitMessageTo(chatId, state.conversations.lastMessageId(chatId), timeout);
  }

  /**
   * The first bot message in the chat with an id above {@code afterMessageId}, such as the id of the user's
   * message it answers; throws IllegalStateException when none arrives within the timeout.
   */
  public ChatMessage awaitMessageTo(long chatId, int afterMessageId, Duration timeout) {
    return awaitMessageTo(chatId, message -> message.fromBot() && message.messageId() > afterMessageId, timeout);
  }

  /**
   * The first message of the chat (by id, current versions, either side) that the condition accepts, waiting for
   * sends and edits up to the timeout; throws IllegalStateException when none does.
   */
  public ChatMessage awaitMessageTo(long chatId, Predicate<ChatMessage> condition, Duration timeout) {
    try {
      return state.conversations.awaitMessage(chatId, condition, timeout).orElseThrow(() ->
          new IllegalStateException("no matching message in chat " + chatId + " within " + timeout
              + "; the chat holds: " + describe(chatHistory(chatId))));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a message in chat " + chatId, interrupted);
    }
  }

  /** The bytes of a file the bot uploaded or a user sent; empty for a file the bot sent by URL. */
  public byte[] fileBytes(String fileId) {
    return state.files.byId(fileId)
        .map(file -> file.bytes().clone())
        .orElseThrow(() -> new IllegalArgumentException("no file " + fileId));
  }

  /** The bot's answers to button presses, in order. */
  public List<CallbackAnswer> callbackAnswers() {
    return state.callbacks.answers();
  }

  /** The bot's answer to one press, if it answered. */
  public Optional<CallbackAnswer> callbackAnswer(String callbackQueryId) {
    return state.callbacks.answerTo(callbackQueryId);
  }

  /** The bot's answers to pre-checkout queries, in order. */
  public List<PreCheckoutAnswer> preCheckoutAnswers() {
    return state.payments.answers();
  }

  /** The bot's answer to one pre-checkout query, waiting for it up to the timeout. */
  public Optional<PreCheckoutAnswer> awaitPreCheckoutAnswer(String preCheckoutQueryId, Duration timeout) {
    try {
      return state.payments.awaitAnswer(preCheckoutQueryId, timeout);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The command menu set with setMyCommands for a language code ("" for the default menu). */
  public List<BotCommand> myCommands(String languageCode) {
    return state.commands(languageCode);
  }

  /** Updates queued and not yet confirmed by a getUpdates offset. */
  public int pendingUpdates() {
    return state.updates.pendingCount();
  }

  /**
   * Whether the bot is waiting in a long poll right now: it is up and has taken every update offered so far.
   * Tests wait for this before they act, instead of sleeping.
   */
  public boolean botIsPolling() {
    return state.updates.hasWaitingPoll();
  }

  // ---- internals ----

  private EmulatedUser knownUser(long userId) {
    return state.conversations.user(userId).orElseGet(() -> EmulatedUser.of(userId));
  }

  private ChatMessage userMessage(EmulatedUser user, String text, String caption, Media media) {
    Objects.requireNonNull(user, "user");
    state.conversations.open(user);
    // Writing to a bot one has blocked restarts the conversation, as Telegram's clients do.
    state.conversations.setBlocked(user, false);
    List<TextEntity> entities = commandEntities(text != null ? text : caption);
    ChatMessage message = state.conversations.append(user.chatId(), messageId -> new ChatMessage(user.chatId(),
        messageId, false, user.id(), state.nowEpochSeconds(), text, caption, null, entities, null, media, null, null,
        0, 0, false));
    state.pushMessageUpdate(message, user);
    return message;
  }

  private static List<TextEntity> commandEntities(String text) {
    if (text == null) {
      return List.of();
    }
    List<TextEntity> entities = new ArrayList<>();
    Matcher matcher = COMMAND.matcher(text);
    while (matcher.find()) {
      entities.add(TextEntity.of("bot_command", matcher.start(), matcher.end() - matcher.start()));
    }
    return entities;
  }

  private String pushCallbackQuery(EmulatedUser user, int messageId, String callbackData) {
    String queryId = state.callbacks.open(user.id());
    EmulatedUser known = state.conversations.user(user.chatId()).orElse(user);
    ObjectNode query = state.json.createObjectNode();
    query.put("id", queryId);
    query.set("from", state.render.user(user));
    Optional<ChatMessage> message = state.conversations.find(user.chatId(), messageId)
        .filter(found -> !found.deleted());
    if (message.isPresent()) {
      query.set("message", state.render.message(message.get(), known));
    } else {
      ObjectNode inaccessible = query.putObject("message");
      inaccessible.set("chat", state.render.chat(known));
      inaccessible.put("message_id", messageId);
      inaccessible.put("date", 0);
    }
    query.put("chat_instance", Long.toString(-user.chatId() * 31 - 7));
    query.put("data", callbackData);
    state.updates.push("callback_query", query);
    return queryId;
  }

  private static String describe(List<ChatMessage> messages) {
    if (messages.isEmpty()) {
      return "nothing";
    }
    StringBuilder description = new StringBuilder();
    for (ChatMessage message : messages) {
      description.append("\n  #").append(message.messageId()).append(message.fromBot() ? " bot: " : " user: ")
          .append(message.visibleText().replace('\n', ' '));
      if (!message.buttonTexts().isEmpty()) {
        description.append(' ').append(message.buttonTexts());
      }
    }
    return description.toString();
  }
}
