package dev.rei.adapters.telegram.api;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The bot's line to the Bot API: one OkHttp client, the TelegramBots client on it (pointed at
 * {@link TelegramEndpoint}), the shared {@link ChatPacer}, and the rule that the token never leaves
 * in a log line or an error text. Closing it stops OkHttp's threads.
 */
public final class TelegramConnection implements AutoCloseable {

  private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{1,200}");

  private final String botToken;
  private final TelegramEndpoint endpoint;
  private final OkHttpClient http;
  private final TelegramClient client;
  private final ChatPacer pacer;

  public TelegramConnection(String botToken, TelegramEndpoint endpoint, OkHttpClient http, ChatPacer pacer) {
    this.botToken = requireToken(botToken);
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.http = Objects.requireNonNull(http, "http");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.client = new OkHttpTelegramClient(http, botToken, endpoint.telegramUrl());
  }

  /** A connection with its own OkHttp client, timeouts fit for uploads of up to 50 MB. */
  public static TelegramConnection open(String botToken, TelegramEndpoint endpoint, Pacing pacing) {
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60))
        .writeTimeout(Duration.ofSeconds(120))
        .callTimeout(Duration.ofMinutes(3))
        .build();
    return new TelegramConnection(botToken, endpoint, http, ChatPacer.systemClock(pacing));
  }

  /** Checks the shape of a bot token ({@code <digits>:<letters>}) without ever printing it. */
  public static String requireToken(String botToken) {
    Objects.requireNonNull(botToken, "botToken");
    if (!TOKEN_SHAPE.matcher(botToken).matches()) {
      throw new IllegalArgumentException("the bot token must look like 123456:ABC-def (digits, a colon, letters)");
    }
    return botToken;
  }

  public TelegramClient client() {
    return client;
  }

  public ChatPacer pacer() {
    return pacer;
  }

  public TelegramEndpoint endpoint() {
    return endpoint;
  }

  OkHttpClient http() {
    return http;
  }

  /** Where a file of Telegram's getFile answer is downloaded; the URL holds the token, so it stays in here. */
  String fileUrl(String filePath) {
    return endpoint.base() + "/file/bot" + botToken + "/" + filePath;
  }

  /** {@code text} with the bot token replaced, for anything that may reach a log or a stored error. */
  public String redact(String text) {
    if (text == null) {
      return "";
    }
    return text.replace(botToken, "<token>");
  }

  public TelegramFailure failure(TelegramApiException e) {
    return TelegramFailure.of(e, this::redact);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
