package dev.rei.adapters.telegram.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rei.application.fakes.InMemoryInboundUpdates;
import dev.rei.application.fakes.MutableClock;
import dev.rei.application.port.out.InboundUpdates.InboundUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class InboxWorkerTest {

  private static final InboxWorker.Settings FAST =
      new InboxWorker.Settings(4, Duration.ofMinutes(5), 3, Duration.ofMillis(20), Duration.ofMillis(1));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private final InMemoryInboundUpdates inbox = new InMemoryInboundUpdates();
  private final UpdateCodec codec = new UpdateCodec();
  private InboxWorker worker;

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
  }

  private void store(long updateId, long chatId) {
    Update update = new Update();
    update.setUpdateId((int) updateId);
    inbox.append(List.of(InboundUpdate.received(updateId, chatId, codec.encode(update), clock.now())));
  }

  private InboxWorker start(UpdateHandler handler) {
    worker = new InboxWorker(inbox, codec, handler, clock, FAST, text -> text);
    worker.start();
    return worker;
  }

  @Test
  void givenUpdatesOfTwoChats_whenWorked_thenEachChatInOrderAndChatsSideBySide() throws Exception {
    Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
    Set<Long> busy = ConcurrentHashMap.newKeySet();
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch bothChatsAtOnce = new CountDownLatch(2);
    for (int i = 1; i <= 20; i++) {
      store(i, i % 2 == 0 ? 100 : 200);
    }
    start(new Recording(update -> {
      long chat = update.getUpdateId() % 2 == 0 ? 100 : 200;
      if (!busy.add(chat)) {
        overlaps.incrementAndGet();
      }
      bothChatsAtOnce.countDown();
      bothChatsAtOnce.await(2, TimeUnit.SECONDS);
      seen.computeIfAbsent(chat, c -> new CopyOnWriteArrayList<>()).add(update.getUpdateId());
      busy.remove(chat);
    }));

    await().atMost(10, TimeUnit.SECONDS).until(() -> inbox.pending() == 0);
    assertThat(bothChatsAtOnce.getCount()).isZero();
    assertThat(overlaps).hasValue(0);
    assertThat(seen.get(100L)).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20);
    assertThat(seen.get(200L)).containsExactly(1, 3, 5, 7, 9, 11, 13, 15, 17, 19);
  }

  @Test
  void givenPoisonUpdate_whenItKeepsFailing_thenApologisedHandledAndTheChatMovesOn() {
    List<Integer> handled = new CopyOnWriteArrayList<>();
    List<Integer> apologies = new CopyOnWriteArrayList<>();
    AtomicInteger tries = new AtomicInteger();
    store(1, 100);
    store(2, 100);
    start(new UpdateHandler() {
      @Override
      public void handle(Update update) {
        if (update.getUpdateId() == 1) {
          tries.incrementAndGet();
          throw new IllegalStateException("poison");
        }
        handled.add(update.getUpdateId());
      }

      @Override
      public void giveUp(Update update) {
        apologies.add(update.getUpdateId());
      }
    });

    await().atMost(10, TimeUnit.SECONDS).until(() -> inbox.pending() == 0);
    assertThat(tries).hasValue(3);
    assertThat(apologies).containsExactly(1);
    assertThat(handled).containsExactly(2);
  }

  @Test
  void givenHandlerFailingOnce_whenRetried_thenHandledWithoutApology() {
    AtomicInteger tries = new AtomicInteger();
    List<Integer> apologies = new CopyOnWriteArrayList<>();
    store(1, 100);
    start(new UpdateHandler() {
      @Override
      public void handle(Update update) {
        if (tries.incrementAndGet() == 1) {
          throw new IllegalStateException("blip");
        }
      }

      @Override
      public void giveUp(Update update) {
        apologies.add(update.getUpdateId());
      }
    });

    await().atMost(10, TimeUnit.SECONDS).until(() -> inbox.pending() == 0);
    assertThat(tries).hasValue(2);
    assertThat(apologies).isEmpty();
  }

  @Test
  void givenUpdateWhoseClaimsKeptDying_whenClaimedAgain_thenGivenUpWithoutRunningIt() {
    store(1, 100);
    for (int i = 0; i < 3; i++) {
      inbox.claimNext(clock.now(), Duration.ofSeconds(1));
      clock.advance(Duration.ofSeconds(2));
    }
    AtomicInteger tries = new AtomicInteger();
    List<Integer> apologies = new CopyOnWriteArrayList<>();
    start(new UpdateHandler() {
      @Override
      public void handle(Update update) {
        tries.incrementAndGet();
      }

      @Override
      public void giveUp(Update update) {
        apologies.add(update.getUpdateId());
      }
    });

    await().atMost(10, TimeUnit.SECONDS).until(() -> inbox.pending() == 0);
    assertThat(tries).hasValue(0);
    assertThat(apologies).containsExactly(1);
  }

  @Test
  void givenUnreadablePayload_whenClaimed_thenDroppedNotRetriedForever() {
    inbox.append(List.of(InboundUpdate.received(1, 100, "{not json", clock.now())));
    AtomicInteger tries = new AtomicInteger();
    start(new Recording(update -> tries.incrementAndGet()));

    await().atMost(10, TimeUnit.SECONDS).until(() -> inbox.pending() == 0);
    assertThat(tries).hasValue(0);
  }

  @Test
  void givenRunningWorker_whenStopped_thenItsThreadsEnd() {
    start(new Recording(update -> { }));

    worker.stop(Duration.ofSeconds(5));

    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .noneMatch(name -> name.startsWith("rei-inbox-"));
  }

  /** A handler that runs {@code body} and never apologises. */
  private record Recording(Body body) implements UpdateHandler {
    @Override
    public void handle(Update update) throws Exception {
      body.run(update);
    }

    @Override
    public void giveUp(Update update) {}
  }

  @FunctionalInterface
  private interface Body {
    void run(Update update) throws Exception;
  }
}
