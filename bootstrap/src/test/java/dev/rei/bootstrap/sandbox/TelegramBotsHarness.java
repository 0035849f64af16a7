package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The real TelegramBots 10.2 long polling application and OkHttp client pointed at an emulator, wired as the
 * reference (java-libraries.md §1.5) says: our own daemon executor and OkHttp client, both shut down on close,
 * because the application's close() stops neither.
 */
final class TelegramBotsHarness implements AutoCloseable {

  private final BotApiEmulator emulator;
  private final OkHttpClient http;
  private final ScheduledExecutorService pollingExecutor;
  private final TelegramBotsLongPollingApplication application;
  private final TelegramClient client;
  private final List<Update> received = Collections.synchronizedList(new ArrayList<>());

  private TelegramBotsHarness(BotApiEmulator emulator, BiConsumer<TelegramBotsHarness, Update> handler) {
    this.emulator = emulator;
    this.http = new OkHttpClient.Builder()
        .readTimeout(30, TimeUnit.SECONDS)
        .build();
    this.pollingExecutor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "telegrambots-polling-test");
      thread.setDaemon(true);
      return thread;
    });
    TelegramUrl url = new TelegramUrl("http", emulator.host(), emulator.port(), false);
    this.client = new OkHttpTelegramClient(new ObjectMapper(), http, emulator.token(), url);
    this.application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> pollingExecutor,
        QuickBackOff::new);
    try {
      application.registerBot(emulator.token(), () -> url,
          last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(5)
              .allowedUpdates(List.of("message", "callback_query", "pre_checkout_query")).build(),
          updates -> updates.forEach(update -> {
            received.add(update);
            try {
              handler.accept(this, update);
            } catch (RuntimeException bug) {
              // An exception escaping the consumer would stop polling for good (reference §1.3). A call cut
              // short by close() at the end of a test is expected and not worth a stack trace.
              if (!Thread.currentThread().isInterrupted() && !pollingExecutor.isShutdown()) {
                bug.printStackTrace();
              }
            }
          }));
    } catch (TelegramApiException cannotRegister) {
      close();
      throw new IllegalStateException(cannotRegister);
    }
  }

  /** Polls the emulator and hands every update to the handler, on the polling thread. */
  static TelegramBotsHarness start(BotApiEmulator emulator, BiConsumer<TelegramBotsHarness, Update> handler) {
    return new TelegramBotsHarness(emulator, handler);
  }

  /** Only collects the updates. */
  static TelegramBotsHarness collecting(BotApiEmulator emulator) {
    return start(emulator, (harness, update) -> { });
  }

  TelegramClient client() {
    return client;
  }

  List<Update> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Downloads with our own HTTP call: TelegramBots' downloadFile always goes to api.telegram.org (§1.5). */
  byte[] download(File file) {
    Request request = new Request.Builder()
        .url(emulator.baseUrl() + "/file/bot" + emulator.token() + "/" + file.getFilePath())
        .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException("download answered " + response.code());
      }
      return response.body().bytes();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  @Override
  public void close() {
    try {
      application.close();
    } catch (Exception ignored) {
      // Closing is best effort; the executor and client below are what keep threads alive.
    }
    // No interrupt: the poll in flight ends when the emulator closes (or its 5-second timeout passes), and the
    // daemon thread then exits; interrupting it would only make TelegramBots log an error.
    pollingExecutor.shutdown();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  /** Retries a failed poll after 50 ms instead of the default exponential back-off. */
  private static final class QuickBackOff implements BackOff {

    @Override
    public void reset() {
    }

    @Override
    public long nextBackOffMillis() {
      return 50;
    }
  }
}
