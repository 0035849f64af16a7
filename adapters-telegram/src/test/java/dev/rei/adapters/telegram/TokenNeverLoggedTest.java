package dev.rei.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every log line of a busy, failing session, at DEBUG, is free of the bot token and of file URLs. */
class TokenNeverLoggedTest {

  @Test
  void givenDebugLogsOfASessionWithFailures_whenRead_thenNoTokenAnywhere() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger rei = (Logger) LoggerFactory.getLogger("dev.rei");
    Logger telegram = (Logger) LoggerFactory.getLogger("org.telegram");
    Level reiLevel = rei.getLevel();
    Level telegramLevel = telegram.getLevel();
    Logger session = (Logger) LoggerFactory.getLogger("org.telegram.telegrambots.longpolling.BotSession");
    Level sessionLevel = session.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    rei.setLevel(Level.DEBUG);
    telegram.setLevel(Level.DEBUG);
    session.setLevel(Level.DEBUG);
    try (BotHarness harness = new BotHarness()) {
      FakeBotApi api = harness.api;
      harness.start();
      api.push(api.textMessage(7, "ru", "/start"));
      api.push(api.photoMessage(7, "ru", "ph", new byte[] {1, 2}, "ярче", null));
      api.awaitText(7, "Редактирование фото");
      api.failNext("getFile", 400, "Bad Request: file is too big", null);
      api.push(api.photoMessage(7, "ru", "big", new byte[] {3}, "ярче", null));
      api.awaitText(7, "слишком большой");
      api.failNext("sendMessage", 500, "Internal Server Error", null);
      harness.sender.send(OutboxMessage.create(UUID.randomUUID(), 7, Notice.of(Notice.Type.BANNED, Map.of()),
          harness.core.clock.now()));
      api.close();
      harness.sender.send(OutboxMessage.create(UUID.randomUUID(), 7, Notice.of(Notice.Type.BANNED, Map.of()),
          harness.core.clock.now()));
      // With the API gone, the poller fails and logs its error with the exception.
      await().atMost(10, TimeUnit.SECONDS).until(() -> captured.list.stream()
          .anyMatch(e -> e.getLoggerName().contains("BotSession") && e.getLevel() == Level.ERROR));
    } finally {
      root.detachAppender(captured);
      rei.setLevel(reiLevel);
      telegram.setLevel(telegramLevel);
      session.setLevel(sessionLevel);
    }

    assertThat(captured.list).isNotEmpty();
    assertThat(captured.list).allSatisfy(event -> {
      String line = event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(line).doesNotContain(FakeBotApi.TOKEN).doesNotContain("TEST-token");
    });
  }
}
