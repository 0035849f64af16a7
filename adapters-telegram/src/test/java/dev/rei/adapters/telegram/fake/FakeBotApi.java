package dev.rei.adapters.telegram.fake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.awaitility.Awaitility;

/**
 * A small Telegram Bot API on loopback (OkHttp MockWebServer) for the adapter's tests: long-poll
 * getUpdates from updates the test pushes, the send/edit/answer methods answering like Telegram,
 * getFile and file download, scripted failures, and a record of every call with its fields, files
 * and keyboard. Like Telegram it refuses callback data over 64 bytes.
 */
public final class FakeBotApi implements AutoCloseable {

  public static final String TOKEN = "123456:TEST-token_abcdefghijklmnop";
  public static final long BOT_ID = 123456;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> updates = new ArrayList<>();
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextUpdateId = new AtomicInteger(1);
  private final AtomicInteger nextMessageId = new AtomicInteger(1000);
  private volatile Duration longPollCap = Duration.ofMillis(300);

  public FakeBotApi() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          return answer(request);
        } catch (Exception e) {
          return new MockResponse().setResponseCode(500).setBody("{\"ok\":false,\"error_code\":500,\"description\":\""
              + e.getClass().getSimpleName() + "\"}");
        }
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The API's base URL, as TELEGRAM_API_URL would give it. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  // ---- what the bot receives

  public int push(Map<String, Object> update) {
    int id = nextUpdateId.getAndIncrement();
    Map<String, Object> withId = new LinkedHashMap<>(update);
    withId.put("update_id", id);
    synchronized (updates) {
      updates.add(withId);
      updates.notifyAll();
    }
    return id;
  }

  public static Map<String, Object> user(long userId, String languageCode) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", userId);
    user.put("is_bot", false);
    user.put("first_name", "User" + userId);
    if (languageCode != null) {
      user.put("language_code", languageCode);
    }
    return user;
  }

  public static Map<String, Object> privateChat(long userId) {
    return Map.of("id", userId, "type", "private");
  }

  public Map<String, Object> textMessage(long userId, String languageCode, String text) {
    Map<String, Object> message = message(userId, languageCode);
    message.put("text", text);
    return Map.of("message", message);
  }

  public Map<String, Object> photoMessage(long userId, String languageCode, String fileId, byte[] content,
      String caption, String mediaGroupId) {
    files.put(fileId, content);
    Map<String, Object> message = message(userId, languageCode);
    message.put("photo", List.of(
        Map.of("file_id", fileId + "-small", "file_unique_id", "u-" + fileId + "-s", "width", 90, "height", 90,
            "file_size", 1),
        Map.of("file_id", fileId, "file_unique_id", "u-" + fileId, "width", 1280, "height", 960,
            "file_size", content.length)));
    if (caption != null) {
      message.put("caption", caption);
    }
    if (mediaGroupId != null) {
      message.put("media_group_id", mediaGroupId);
    }
    return Map.of("message", message);
  }

  /** A video message; {@code declaredSize} is the size Telegram states (e.g. above 20 MB), else the content's. */
  public Map<String, Object> videoMessage(long userId, String languageCode, String fileId, byte[] content,
      Long declaredSize, String caption) {
    files.put(fileId, content);
    Map<String, Object> message = message(userId, languageCode);
    message.put("video", Map.of("file_id", fileId, "file_unique_id", "u-" + fileId, "width", 640, "height", 360,
        "duration", 5, "mime_type", "video/mp4", "file_size", declaredSize == null ? content.length : declaredSize));
    if (caption != null) {
      message.put("caption", caption);
    }
    return Map.of("message", message);
  }

  public Map<String, Object> press(long userId, Call shownBy, String callbackData) {
    Map<String, Object> botMessage = new LinkedHashMap<>();
    botMessage.put("message_id", shownBy.messageId());
    botMessage.put("date", 1_700_000_000);
    botMessage.put("chat", privateChat(shownBy.chatId()));
    botMessage.put("from", Map.of("id", BOT_ID, "is_bot", true, "first_name", "Rei"));
    if (shownBy.text() != null) {
      botMessage.put("text", shownBy.text());
    }
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("id", "cq-" + nextUpdateId.get());
    query.put("from", user(userId, "ru"));
    query.put("chat_instance", "ci");
    query.put("data", callbackData);
    query.put("message", botMessage);
    return Map.of("callback_query", query);
  }

  public Map<String, Object> preCheckout(long userId, String languageCode) {
    return Map.of("pre_checkout_query", Map.of("id", "pcq-" + nextUpdateId.get(), "from", user(userId, languageCode),
        "currency", "XTR", "total_amount", 100, "invoice_payload", "payment-1"));
  }

  /** A pre-checkout query for the invoice with {@code payload}, as Telegram sends it when the user taps Pay. */
  public Map<String, Object> preCheckout(long userId, String languageCode, String payload, String currency,
      long totalAmount) {
    return Map.of("pre_checkout_query", Map.of("id", "pcq-" + nextUpdateId.get(), "from", user(userId, languageCode),
        "currency", currency, "total_amount", totalAmount, "invoice_payload", payload));
  }

  /** The successful_payment service message Telegram sends once it has charged the stars. */
  public Map<String, Object> successfulPayment(long userId, String payload, long totalAmount, String chargeId) {
    Map<String, Object> message = message(userId, "ru");
    message.put("successful_payment", Map.of("currency", "XTR", "total_amount", totalAmount,
        "invoice_payload", payload, "telegram_payment_charge_id", chargeId, "provider_payment_charge_id", ""));
    return Map.of("message", message);
  }

  private Map<String, Object> message(long userId, String languageCode) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("message_id", nextMessageId.getAndIncrement());
    message.put("date", 1_700_000_000);
    message.put("chat", privateChat(userId));
    message.put("from", user(userId, languageCode));
    return message;
  }

  /**
   * {@code userId} replies with {@code text} to the bot's message {@code repliedTo}, in that
   * message's chat: a private chat, or a group (a negative chat id) of type supergroup.
   */
  public Map<String, Object> reply(long userId, String languageCode, Call repliedTo, String text) {
    long chatId = repliedTo.chatId();
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("message_id", repliedTo.messageId());
    original.put("date", 1_700_000_000);
    original.put("chat", chat(chatId));
    original.put("from", Map.of("id", BOT_ID, "is_bot", true, "first_name", "Rei"));
    if (repliedTo.text() != null) {
      original.put("text", repliedTo.text());
    }
    Map<String, Object> message = message(userId, languageCode);
    message.put("chat", chat(chatId));
    message.put("reply_to_message", original);
    if (text != null) {
      message.put("text", text);
    } else {
      message.put("sticker", Map.of("file_id", "s", "file_unique_id", "s", "type", "regular", "width", 1,
          "height", 1, "is_animated", false, "is_video", false));
    }
    return Map.of("message", message);
  }

  private static Map<String, Object> chat(long chatId) {
    return chatId > 0 ? privateChat(chatId) : Map.of("id", chatId, "type", "supergroup", "title", "Support");
  }

  public void longPollCap(Duration cap) {
    this.longPollCap = cap;
  }

  // ---- scripted failures

  /** The next call of {@code method} fails with {@code httpCode} and Telegram's {@code description}. */
  public void failNext(String method, int httpCode, String description, Integer retryAfter) {
    String parameters = retryAfter == null ? "" : ",\"parameters\":{\"retry_after\":" + retryAfter + "}";
    scripted.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>()).add(new MockResponse()
        .setResponseCode(httpCode).setHeader("Content-Type", "application/json")
        .setBody("{\"ok\":false,\"error_code\":" + httpCode + ",\"description\":" + quote(description) + parameters
            + "}"));
  }

  /** The next call of {@code method} gets a non-JSON gateway error, as a proxy in front of Telegram may give. */
  public void failNextWithHtml(String method, int httpCode) {
    scripted.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>()).add(new MockResponse()
        .setResponseCode(httpCode).setHeader("Content-Type", "text/html").setBody("<html>Bad Gateway</html>"));
  }

  // ---- what the bot did

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
  }

  /** Calls that put a message on the chat's screen or changed one. */
  public List<Call> chatCalls(long chatId) {
    return calls.stream().filter(c -> c.chatId() == chatId && c.isChatMessage()).toList();
  }

  public Call await(String method, Predicate<Call> matching) {
    Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20))
        .until(() -> calls(method).stream().anyMatch(matching));
    return calls(method).stream().filter(matching).reduce((a, b) -> b).orElseThrow();
  }

  public Call awaitText(long chatId, String fragment) {
    Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20))
        .until(() -> findText(chatId, fragment).isPresent());
    return findText(chatId, fragment).orElseThrow();
  }

  public Optional<Call> findText(long chatId, String fragment) {
    return calls.stream().filter(c -> c.chatId() == chatId && c.text() != null && c.text().contains(fragment))
        .reduce((a, b) -> b);
  }

  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** Every request path seen, e.g. to check that no URL carried anything but the token path. */
  public int requestCount() {
    return server.getRequestCount();
  }

  // ---- the server side

  private MockResponse answer(RecordedRequest request) throws Exception {
    String path = request.getPath() == null ? "" : request.getPath();
    if (path.startsWith("/file/bot")) {
      return download(path);
    }
    String prefix = "/bot" + TOKEN + "/";
    if (!path.startsWith(prefix)) {
      return error(401, "Unauthorized");
    }
    String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, byte[]> uploads = new LinkedHashMap<>();
    readBody(request, fields, uploads);
    if (method.equals("getupdates")) {
      return getUpdates(fields);
    }
    if (method.equals("deletewebhook")) {
      return ok(true);
    }
    Deque<MockResponse> failures = scripted.get(method);
    if (failures != null) {
      MockResponse failure;
      synchronized (failures) {
        failure = failures.poll();
      }
      if (failure != null) {
        calls.add(new Call(method, fields, uploads, -1, false));
        return failure;
      }
    }
    String badData = oversizedCallbackData(fields.get("reply_markup"));
    if (badData != null) {
      violations.add(method + ": callback data of " + badData.getBytes(StandardCharsets.UTF_8).length + " bytes");
      calls.add(new Call(method, fields, uploads, -1, false));
      return error(400, "Bad Request: BUTTON_DATA_INVALID");
    }
    return switch (method) {
      case "sendmessage", "sendphoto", "sendvideo", "senddocument", "sendinvoice" -> {
        int messageId = nextMessageId.getAndIncrement();
        calls.add(new Call(method, fields, uploads, messageId, true));
        yield ok(sentMessage(messageId, fields));
      }
      case "editmessagetext", "editmessagereplymarkup" -> {
        int messageId = Integer.parseInt(String.valueOf(fields.get("message_id")));
        calls.add(new Call(method, fields, uploads, messageId, true));
        yield ok(sentMessage(messageId, fields));
      }
      case "answercallbackquery", "answerprecheckoutquery", "refundstarpayment", "setmycommands" -> {
        calls.add(new Call(method, fields, uploads, -1, true));
        yield ok(true);
      }
      case "getfile" -> {
        calls.add(new Call(method, fields, uploads, -1, true));
        String fileId = String.valueOf(fields.get("file_id"));
        byte[] content = files.get(fileId);
        if (content == null) {
          yield error(400, "Bad Request: invalid file_id");
        }
        yield ok(Map.of("file_id", fileId, "file_unique_id", "u-" + fileId, "file_size", content.length,
            "file_path", "photos/" + fileId + ".jpg"));
      }
      default -> {
        calls.add(new Call(method, fields, uploads, -1, true));
        yield error(404, "Not Found: method not found");
      }
    };
  }

  private MockResponse getUpdates(Map<String, Object> fields) throws InterruptedException {
    long offset = Long.parseLong(String.valueOf(fields.getOrDefault("offset", "0")));
    long deadline = System.nanoTime() + longPollCap.toNanos();
    synchronized (updates) {
      while (true) {
        List<Map<String, Object>> fresh = updates.stream()
            .filter(u -> ((Number) u.get("update_id")).longValue() >= offset).toList();
        long left = deadline - System.nanoTime();
        if (!fresh.isEmpty() || left <= 0) {
          return ok(fresh);
        }
        updates.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private MockResponse download(String path) {
    String prefix = "/file/bot" + TOKEN + "/photos/";
    if (!path.startsWith(prefix) || !path.endsWith(".jpg")) {
      return new MockResponse().setResponseCode(404);
    }
    calls.add(new Call("download", Map.of("path", path.substring("/file/bot".length() + TOKEN.length())), Map.of(),
        -1, false));
    byte[] content = files.get(path.substring(prefix.length(), path.length() - ".jpg".length()));
    if (content == null) {
      return new MockResponse().setResponseCode(404);
    }
    return new MockResponse().setResponseCode(200).setBody(new Buffer().write(content));
  }

  private static Map<String, Object> sentMessage(int messageId, Map<String, Object> fields) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("message_id", messageId);
    message.put("date", 1_700_000_000);
    message.put("chat", Map.of("id", Long.parseLong(String.valueOf(fields.get("chat_id"))), "type", "private"));
    if (fields.get("text") != null) {
      message.put("text", fields.get("text"));
    }
    return message;
  }

  private static void readBody(RecordedRequest request, Map<String, Object> fields, Map<String, byte[]> uploads)
      throws IOException {
    String contentType = request.getHeader("Content-Type");
    if (contentType == null) {
      return;
    }
    if (contentType.startsWith("application/json")) {
      String body = request.getBody().readUtf8();
      if (!body.isBlank()) {
        fields.putAll(JSON.readValue(body, new TypeReference<Map<String, Object>>() {}));
      }
      return;
    }
    if (contentType.startsWith("multipart/form-data")) {
      String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
      try (MultipartReader reader = new MultipartReader(request.getBody(), boundary)) {
        MultipartReader.Part part;
        while ((part = reader.nextPart()) != null) {
          String disposition = part.headers().get("Content-Disposition");
          String name = attribute(disposition, "name");
          byte[] bytes = part.body().readByteArray();
          if (attribute(disposition, "filename") != null) {
            uploads.put(name, bytes);
          } else {
            String value = new String(bytes, StandardCharsets.UTF_8);
            fields.put(name, value.startsWith("{") ? JSON.readValue(value, new TypeReference<Map<String, Object>>() {})
                : value);
          }
          part.close();
        }
      }
    }
  }

  private static String attribute(String disposition, String name) {
    if (disposition == null) {
      return null;
    }
    for (String piece : disposition.split(";")) {
      String trimmed = piece.strip();
      if (trimmed.startsWith(name + "=")) {
        String value = trimmed.substring(name.length() + 1);
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static String oversizedCallbackData(Object markup) {
    if (!(markup instanceof Map<?, ?> map) || !(map.get("inline_keyboard") instanceof List<?> rows)) {
      return null;
    }
    for (Object row : rows) {
      for (Object button : (List<Object>) row) {
        Object data = ((Map<String, Object>) button).get("callback_data");
        if (data instanceof String text && (text.isEmpty() || text.getBytes(StandardCharsets.UTF_8).length > 64)) {
          return text;
        }
      }
    }
    return null;
  }

  private static MockResponse ok(Object result) {
    try {
      Map<String, Object> body = new HashMap<>();
      body.put("ok", true);
      body.put("result", result);
      return new MockResponse().setHeader("Content-Type", "application/json").setBody(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockResponse error(int code, String description) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody("{\"ok\":false,\"error_code\":" + code + ",\"description\":" + quote(description) + "}");
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (updates) {
      updates.notifyAll();
    }
    server.shutdown();
  }

  /**
   * One call the bot made: the method (lower case), its fields (JSON or multipart text parts),
   * uploaded files, and for messages the id this server gave them.
   */
  public record Call(String method, Map<String, Object> fields, Map<String, byte[]> files, int messageId,
      boolean accepted) {

    public long chatId() {
      Object chat = fields.get("chat_id");
      return chat == null ? 0 : Long.parseLong(String.valueOf(chat));
    }

    public String text() {
      Object text = fields.containsKey("text") ? fields.get("text") : fields.get("caption");
      return text == null ? null : String.valueOf(text);
    }

    /** The file uploaded for {@code field} (which names it as {@code attach://<part>}). */
    public byte[] upload(String field) {
      Object value = fields.get(field);
      if (value instanceof String text && text.startsWith("attach://")) {
        return files.get(text.substring("attach://".length()));
      }
      return files.get(field);
    }

    public boolean isChatMessage() {
      return method.startsWith("send") || method.startsWith("edit");
    }

    /** The inline keyboard's buttons, row by row flattened: label → callback data. */
    @SuppressWarnings("unchecked")
    public List<Button> buttons() {
      Object markup = fields.get("reply_markup");
      if (!(markup instanceof Map<?, ?> map) || !(map.get("inline_keyboard") instanceof List<?> rows)) {
        return List.of();
      }
      List<Button> buttons = new ArrayList<>();
      for (Object row : rows) {
        for (Object button : (List<Object>) row) {
          Map<String, Object> fields = (Map<String, Object>) button;
          buttons.add(new Button(String.valueOf(fields.get("text")), (String) fields.get("callback_data"),
              (String) fields.get("url")));
        }
      }
      return buttons;
    }

    public Button button(String labelFragment) {
      return buttons().stream().filter(b -> b.label().contains(labelFragment)).findFirst()
          .orElseThrow(() -> new AssertionError("no button '" + labelFragment + "' in " + buttons()));
    }
  }

  /** An inline button as sent: callback data, or a URL for a link button. */
  public record Button(String label, String data, String url) {}
}
