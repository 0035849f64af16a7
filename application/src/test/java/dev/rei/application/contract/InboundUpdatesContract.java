package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.InboundUpdates;
import dev.rei.application.port.out.InboundUpdates.InboundUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InboundUpdates} must do: keep each update once, hand a chat's updates out one at a time, in order. */
public abstract class InboundUpdatesContract {

  protected static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  protected InboundUpdates inbox;

  /** A new, empty inbox; called before each test. */
  protected abstract InboundUpdates newInbox();

  @BeforeEach
  void freshInbox() {
    inbox = newInbox();
  }

  private static InboundUpdate update(long id, long chat) {
    return InboundUpdate.received(id, chat, "{\"update_id\":" + id + ",\"text\":\"Привет \\\"мир\\\" 🚀\"}", T0);
  }

  @Test
  void givenABatchDeliveredTwice_append_keepsEachUpdateOnce() {
    assertThat(inbox.append(List.of(update(1, 7), update(2, 8)))).isEqualTo(2);
    assertThat(inbox.append(List.of(update(2, 8), update(3, 7), update(1, 7)))).isEqualTo(1);

    assertThat(inbox.pending()).isEqualTo(3);
    assertThat(inbox.append(List.of())).isZero();
  }

  @Test
  void claimNext_returnsTheUpdateAsReceived_withItsAttemptCounted() {
    InboundUpdate sent = update(5, -1001234567890L);
    inbox.append(List.of(sent));

    assertThat(inbox.claimNext(T0, LEASE)).contains(new InboundUpdate(5, -1001234567890L, sent.payload(), T0, 1));
    assertThat(inbox.claimNext(T0, LEASE)).isEmpty();
  }

  @Test
  void givenOneChat_claimNext_handsOutItsUpdatesOneAtATime_inOrder() {
    inbox.append(List.of(update(3, 7), update(1, 7), update(2, 7)));

    assertThat(inbox.claimNext(T0, LEASE)).map(InboundUpdate::updateId).contains(1L);
    assertThat(inbox.claimNext(T0, LEASE)).isEmpty();
    inbox.markHandled(1, T0);
    assertThat(inbox.claimNext(T0, LEASE)).map(InboundUpdate::updateId).contains(2L);
    inbox.markHandled(2, T0);
    assertThat(inbox.claimNext(T0, LEASE)).map(InboundUpdate::updateId).contains(3L);
    inbox.markHandled(3, T0);
    assertThat(inbox.claimNext(T0, LEASE)).isEmpty();
    assertThat(inbox.pending()).isZero();
  }

  @Test
  void givenTwoChats_claimNext_handsOutOneOfEach_atOnce() {
    inbox.append(List.of(update(1, 7), update(2, 7), update(3, 8)));

    assertThat(inbox.claimNext(T0, LEASE)).map(InboundUpdate::updateId).contains(1L);
    assertThat(inbox.claimNext(T0, LEASE)).map(InboundUpdate::updateId).contains(3L);
    assertThat(inbox.claimNext(T0, LEASE)).isEmpty();
  }

  @Test
  void givenAHandlerThatDied_claimNext_handsTheUpdateOutAgainOnlyAfterTheLease() {
    inbox.append(List.of(update(1, 7), update(2, 7)));
    inbox.claimNext(T0, LEASE);

    assertThat(inbox.claimNext(T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
    Optional<InboundUpdate> again = inbox.claimNext(T0.plus(LEASE), LEASE);
    assertThat(again).map(InboundUpdate::updateId).contains(1L);
    assertThat(again).map(InboundUpdate::attempts).contains(2);
  }

  @Test
  void markHandled_isFinal_andTwiceChangesNothing_butAnUnknownUpdateIsRefused() {
    inbox.append(List.of(update(1, 7)));
    inbox.claimNext(T0, LEASE);
    inbox.markHandled(1, T0);
    inbox.markHandled(1, T0.plusSeconds(1));

    assertThat(inbox.claimNext(T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    assertThatThrownBy(() -> inbox.markHandled(99, T0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void purgeHandled_forgetsOnlyHandledUpdatesReceivedBefore() {
    inbox.append(List.of(update(1, 7), update(2, 8)));
    inbox.append(List.of(InboundUpdate.received(3, 9, "{}", T0.plusSeconds(60))));
    inbox.claimNext(T0, LEASE);
    inbox.markHandled(1, T0);
    inbox.claimNext(T0.plusSeconds(61), LEASE);
    inbox.claimNext(T0.plusSeconds(61), LEASE);
    inbox.markHandled(3, T0.plusSeconds(61));

    assertThat(inbox.purgeHandled(T0.plusSeconds(1))).isEqualTo(1);
    assertThat(inbox.pending()).isEqualTo(1);
    // A purged update is not "new" for a poller that no longer remembers it, but Telegram does not resend it.
    assertThat(inbox.append(List.of(update(3, 9)))).isZero();
  }

  @Test
  void claimNext_refusesANonPositiveLease() {
    assertThatThrownBy(() -> inbox.claimNext(T0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEightWorkersAtOnce_everyUpdateIsHandledOnce_andEachChatInOrder() throws Exception {
    List<InboundUpdate> updates = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      updates.add(update(i, i % 10));
    }
    inbox.append(updates);
    ConcurrentHashMap<Long, List<Long>> handledPerChat = new ConcurrentHashMap<>();
    ConcurrentHashMap<Long, AtomicInteger> busyPerChat = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int w = 0; w < 8; w++) {
      pool.submit(() -> {
        start.await();
        Optional<InboundUpdate> next;
        while ((next = inbox.claimNext(T0, LEASE)).isPresent() || inbox.pending() > 0) {
          if (next.isEmpty()) {
            Thread.onSpinWait();
            continue;
          }
          InboundUpdate u = next.get();
          if (busyPerChat.computeIfAbsent(u.chatId(), c -> new AtomicInteger()).incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          handledPerChat.computeIfAbsent(u.chatId(), c -> Collections.synchronizedList(new ArrayList<>()))
              .add(u.updateId());
          busyPerChat.get(u.chatId()).decrementAndGet();
          inbox.markHandled(u.updateId(), T0);
        }
        return null;
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    assertThat(overlaps).hasValue(0);
    assertThat(handledPerChat.values().stream().mapToInt(List::size).sum()).isEqualTo(200);
    handledPerChat.values().forEach(ids -> assertThat(ids).isSorted().doesNotHaveDuplicates());
  }
  @Test
  void oldestPending_isWhenTheOldestUnhandledUpdateArrived_emptyWhenAllAreHandled() {
    assertThat(inbox.oldestPending()).isEmpty();
    inbox.append(List.of(InboundUpdate.received(1, 7, "{}", T0), InboundUpdate.received(2, 8, "{}", T0.plusSeconds(5)),
        InboundUpdate.received(3, 9, "{}", T0.plusSeconds(9))));
    assertThat(inbox.oldestPending()).contains(T0);

    inbox.markHandled(1, T0.plusSeconds(10));
    assertThat(inbox.oldestPending()).contains(T0.plusSeconds(5));
    inbox.claimNext(T0.plusSeconds(10), LEASE);
    assertThat(inbox.oldestPending()).as("a claimed update is not handled yet").contains(T0.plusSeconds(5));

    inbox.markHandled(2, T0.plusSeconds(11));
    inbox.markHandled(3, T0.plusSeconds(11));
    assertThat(inbox.oldestPending()).isEmpty();
  }
}
