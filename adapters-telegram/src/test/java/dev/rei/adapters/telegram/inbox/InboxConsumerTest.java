package dev.rei.adapters.telegram.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rei.adapters.telegram.api.ChatPacer;
import dev.rei.adapters.telegram.api.TelegramCalls;
import dev.rei.adapters.telegram.api.TelegramConnection;
import dev.rei.adapters.telegram.api.TelegramEndpoint;
import dev.rei.adapters.telegram.fake.BotHarness;
import dev.rei.adapters.telegram.fake.FakeBotApi;
import dev.rei.adapters.telegram.payment.StarsNotOffered;
import dev.rei.adapters.telegram.text.Texts;
import dev.rei.application.fakes.InMemoryInboundUpdates;
import dev.rei.application.fakes.MutableClock;
import dev.rei.application.port.out.InboundUpdates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class InboxConsumerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeBotApi api = new FakeBotApi();
  private final TelegramConnection connection = new TelegramConnection(FakeBotApi.TOKEN,
      TelegramEndpoint.parse(api.url()), new OkHttpClient(), ChatPacer.systemClock(BotHarness.FAST));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private final InMemoryInboundUpdates inbox = new InMemoryInboundUpdates();
  private final AtomicInteger wakes = new AtomicInteger();

  @AfterEach
  void close() throws Exception {
    connection.close();
    api.close();
  }

  private InboxConsumer consumer(InboundUpdates target) {
    return new InboxConsumer(target, new UpdateCodec(), clock, new StarsNotOffered(Texts.load()),
        new TelegramCalls(connection), wakes::incrementAndGet);
  }

  private Update update(int id, Map<String, Object> body) throws Exception {
    Map<String, Object> withId = new java.util.LinkedHashMap<>(body);
    withId.put("update_id", id);
    return JSON.readValue(JSON.writeValueAsString(withId), Update.class);
  }

  @Test
  void givenBatch_whenConsumed_thenStoredWithChatAndWorkersWoken() throws Exception {
    consumer(inbox).consume(new ArrayList<>(List.of(update(7, api.textMessage(42, "ru", "/start")),
        update(8, api.press(43, new FakeBotApi.Call("sendmessage", Map.of("chat_id", "43"), Map.of(), 5, true), "m:menu")))));

    assertThat(inbox.pending()).isEqualTo(2);
    InboundUpdates.InboundUpdate first = inbox.claimNext(clock.now(), Duration.ofMinutes(1)).orElseThrow();
    assertThat(first.updateId()).isEqualTo(7);
    assertThat(first.chatId()).isEqualTo(42);
    assertThat(new UpdateCodec().decode(first.payload()).getMessage().getText()).isEqualTo("/start");
    assertThat(inbox.claimNext(clock.now(), Duration.ofMinutes(1)).orElseThrow().chatId()).isEqualTo(43);
    assertThat(wakes).hasValue(1);
  }

  @Test
  void givenRedeliveredBatch_whenConsumedAgain_thenStoredOnce() throws Exception {
    List<Update> batch = List.of(update(7, api.textMessage(42, "ru", "hi")), update(8, api.textMessage(42, "ru", "yo")));

    consumer(inbox).consume(new ArrayList<>(batch));
    consumer(inbox).consume(new ArrayList<>(batch));

    assertThat(inbox.pending()).isEqualTo(2);
  }

  @Test
  void givenInboxThatAlwaysThrows_whenConsumerClosed_thenNothingEscapes() throws Exception {
    InboundUpdates broken = new FailingInbox(Integer.MAX_VALUE);
    InboxConsumer consumer = consumer(broken);
    Thread closer = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      consumer.close();
    });
    closer.start();

    assertThatCode(() -> consumer.consume(new ArrayList<>(List.of(update(1, api.textMessage(1, "ru", "x"))))))
        .doesNotThrowAnyException();
    closer.join();
    assertThat(wakes).hasValue(0);
  }

  @Test
  void givenInboxFailingTwice_whenConsumed_thenRetriedUntilStoredBeforeReturning() throws Exception {
    FailingInbox flaky = new FailingInbox(2);

    consumer(flaky).consume(new ArrayList<>(List.of(update(1, api.textMessage(1, "ru", "x")))));

    assertThat(flaky.stored.pending()).isEqualTo(1);
    assertThat(flaky.calls).hasValue(3);
  }

  @Test
  void givenNullsAndErrors_whenConsumed_thenNeverThrows() {
    InboxConsumer consumer = consumer(inbox);
    List<Update> weird = new ArrayList<>();
    weird.add(null);
    weird.add(new Update());

    assertThatCode(() -> consumer.consume(weird)).doesNotThrowAnyException();
    assertThatCode(() -> consumer.consume(null)).doesNotThrowAnyException();
    assertThat(inbox.pending()).isZero();
  }

  @Test
  void givenPreCheckoutQuery_whenConsumed_thenStoredThenRefusedOnTheFastPath() throws Exception {
    consumer(inbox).consume(new ArrayList<>(List.of(update(3, api.preCheckout(42, "ru")))));

    FakeBotApi.Call answer = api.calls("answerprecheckoutquery").get(0);
    assertThat(answer.fields()).containsEntry("ok", false).containsEntry("pre_checkout_query_id", "pcq-1");
    assertThat(String.valueOf(answer.fields().get("error_message"))).contains("не принимается");
    assertThat(inbox.pending()).isEqualTo(1);
  }

  @Test
  void givenThrowingPreCheckoutHandler_whenConsumed_thenRefusedNotCrashed() throws Exception {
    InboxConsumer consumer = new InboxConsumer(inbox, new UpdateCodec(), clock, query -> {
      throw new IllegalStateException("boom");
    }, new TelegramCalls(connection), wakes::incrementAndGet);

    consumer.consume(new ArrayList<>(List.of(update(3, api.preCheckout(42, "en")))));

    assertThat(api.calls("answerprecheckoutquery").get(0).fields()).containsEntry("ok", false);
  }

  /** An inbox that throws on its first {@code failures} appends. */
  private static final class FailingInbox implements InboundUpdates {
    final InMemoryInboundUpdates stored = new InMemoryInboundUpdates();
    final AtomicInteger calls = new AtomicInteger();
    private final int failures;

    FailingInbox(int failures) {
      this.failures = failures;
    }

    @Override
    public int append(List<InboundUpdate> updates) {
      if (calls.incrementAndGet() <= failures) {
        throw new IllegalStateException("database down");
      }
      return stored.append(updates);
    }

    @Override
    public Optional<InboundUpdate> claimNext(Instant now, Duration lease) {
      return stored.claimNext(now, lease);
    }

    @Override
    public void markHandled(long updateId, Instant at) {
      stored.markHandled(updateId, at);
    }

    @Override
    public long pending() {
      return stored.pending();
    }

    @Override
    public java.util.Optional<Instant> oldestPending() {
      return stored.oldestPending();
    }

    @Override
    public int purgeHandled(Instant before) {
      return stored.purgeHandled(before);
    }
  }
}
