package dev.rei.application.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase.DispatchReport;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.MessageSender.SendOutcome;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DispatchOutboxServiceTest {

  private final InMemoryCore core = new InMemoryCore();

  /** Writes a message to {@code chat}, as a service would in its transaction. */
  private OutboxMessage enqueue(long chat) {
    OutboxMessage message = OutboxMessage.create(core.ids.newId(), chat,
        Notice.of(Notice.Type.BALANCE_ADJUSTED, Map.of("delta", "1", "reason", "test")), core.clock.now());
    core.db.inTransaction(() -> core.outbox.enqueue(message));
    return message;
  }

  private OutboxMessage stored(OutboxMessage message) {
    return core.outbox.all().stream().filter(m -> m.id().equals(message.id())).findFirst().orElseThrow();
  }

  private DispatchReport dispatch() {
    return core.dispatch.dispatch(10);
  }

  @Test
  void givenDueMessages_dispatch_sendsEachOnceOldestFirstAndMarksThemSent() {
    OutboxMessage first = enqueue(1);
    core.clock.advance(Duration.ofSeconds(1));
    OutboxMessage second = enqueue(2);

    assertThat(dispatch()).isEqualTo(new DispatchReport(2, 0, 0));
    assertThat(dispatch()).isEqualTo(new DispatchReport(0, 0, 0));

    assertThat(core.sender.sent()).extracting(OutboxMessage::id).containsExactly(first.id(), second.id());
    assertThat(stored(first).sentAt()).contains(core.clock.now());
    assertThat(core.outbox.countUnsent()).isZero();
  }

  @Test
  void givenMoreMessagesThanMax_dispatch_sendsOnlyMaxPerPass() {
    for (int chat = 1; chat <= 5; chat++) {
      enqueue(chat);
    }

    assertThat(core.dispatch.dispatch(3)).isEqualTo(new DispatchReport(3, 0, 0));
    assertThat(core.dispatch.dispatch(3)).isEqualTo(new DispatchReport(2, 0, 0));
    assertThat(core.sender.sent()).extracting(OutboxMessage::chatId).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void givenRateLimit_dispatch_retriesAfterTheSendersDelayAndNotBefore() {
    OutboxMessage message = enqueue(7);
    core.sender.answeringInTurn(new SendOutcome.RetryLater(Duration.ofSeconds(30), "429 retry_after=30"));
    Instant tried = core.clock.now();

    assertThat(dispatch()).isEqualTo(new DispatchReport(0, 1, 0));
    assertThat(stored(message).nextAttemptAt()).isEqualTo(tried.plusSeconds(30));
    assertThat(stored(message).attempts()).isEqualTo(1);
    assertThat(stored(message).lastError()).contains("429 retry_after=30");
    core.clock.advance(Duration.ofSeconds(29));
    assertThat(dispatch()).isEqualTo(new DispatchReport(0, 0, 0));
    core.clock.advance(Duration.ofSeconds(1));

    assertThat(dispatch()).isEqualTo(new DispatchReport(1, 0, 0));
    assertThat(core.sender.attempts()).hasSize(2);
    assertThat(core.sender.sent()).extracting(OutboxMessage::id).containsExactly(message.id());
  }

  @Test
  void givenUndeliverableChat_dispatch_givesUpOnThatMessageOnlyAndKeepsIt() {
    OutboxMessage blocked = enqueue(3);
    OutboxMessage fine = enqueue(4);
    core.sender.answering(m -> m.chatId() == 3 ? new SendOutcome.Undeliverable("bot blocked by the user")
        : new SendOutcome.Sent());

    assertThat(dispatch()).isEqualTo(new DispatchReport(1, 0, 1));
    core.clock.advance(Duration.ofDays(1));
    assertThat(dispatch()).isEqualTo(new DispatchReport(0, 0, 0));

    assertThat(core.sender.attempts()).extracting(OutboxMessage::id).containsExactly(blocked.id(), fine.id());
    assertThat(stored(blocked).lastError()).contains("bot blocked by the user");
    assertThat(stored(blocked).sentAt()).isEmpty();
    assertThat(core.outbox.countUnsent()).isZero();
  }

  @Test
  void givenSenderThatThrows_dispatch_keepsTheMessageAndBacksOffFiveSecondsDoubling() {
    OutboxMessage message = enqueue(9);
    core.sender.answering(m -> {
      throw new IllegalStateException("connection reset");
    });

    List<Duration> delays = new ArrayList<>();
    for (int attempt = 0; attempt < 9; attempt++) {
      Instant before = core.clock.now();
      assertThat(dispatch()).isEqualTo(new DispatchReport(0, 1, 0));
      Instant next = stored(message).nextAttemptAt();
      delays.add(Duration.between(before, next));
      core.clock.set(next);
    }

    assertThat(delays).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
        Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofSeconds(320),
        Duration.ofMinutes(10), Duration.ofMinutes(10));
    assertThat(stored(message).lastError()).hasValueSatisfying(e -> assertThat(e).contains("connection reset"));
    assertThat(stored(message).attempts()).isEqualTo(9);
    core.sender.answering(m -> new SendOutcome.Sent());
    assertThat(dispatch()).isEqualTo(new DispatchReport(1, 0, 0));
  }

  @Test
  void givenHugeErrorText_dispatch_storesItClipped() {
    OutboxMessage message = enqueue(9);
    core.sender.answering(m -> {
      throw new IllegalStateException("x".repeat(5_000));
    });

    assertThat(dispatch()).isEqualTo(new DispatchReport(0, 1, 0));
    assertThat(stored(message).lastError()).hasValueSatisfying(e -> assertThat(e).hasSize(500).endsWith("…"));
  }

  @Test
  void givenOneMessageFailing_dispatch_stillSendsTheOthersOfTheBatch() {
    enqueue(1);
    OutboxMessage failing = enqueue(2);
    enqueue(3);
    core.sender.answering(m -> {
      if (m.id().equals(failing.id())) {
        throw new IllegalStateException("boom");
      }
      return new SendOutcome.Sent();
    });

    assertThat(dispatch()).isEqualTo(new DispatchReport(2, 1, 0));
    assertThat(core.outbox.countUnsent()).isEqualTo(1);
  }

  @Test
  void givenManyDispatchersAtOnce_dispatch_sendsEveryMessageExactlyOnce() throws Exception {
    List<UUID> written = new ArrayList<>();
    for (int chat = 1; chat <= 200; chat++) {
      written.add(enqueue(chat).id());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> dispatchers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      dispatchers.add(pool.submit(() -> {
        start.await();
        int sent = 0;
        for (int pass = 0; pass < 50; pass++) {
          sent += core.dispatch.dispatch(7).sent();
        }
        return sent;
      }));
    }
    start.countDown();
    int sent = 0;
    for (Future<Integer> dispatcher : dispatchers) {
      sent += dispatcher.get();
    }
    pool.shutdown();

    assertThat(sent).isEqualTo(200);
    assertThat(core.sender.sent()).extracting(OutboxMessage::id).containsExactlyInAnyOrderElementsOf(written);
    assertThat(core.outbox.countUnsent()).isZero();
  }

  @Test
  void givenRegistration_dispatch_deliversTheWelcomeTheServiceWrote() {
    core.register.register(new RegisterUserCommand(UserId.of(5), Language.EN));

    assertThat(dispatch()).isEqualTo(new DispatchReport(1, 0, 0));
    assertThat(core.sender.sent()).singleElement().satisfies(m -> {
      assertThat(m.chatId()).isEqualTo(5);
      assertThat(m.notice().type()).isEqualTo(Notice.Type.WELCOME);
    });
  }

  @Test
  void givenNonPositiveMax_dispatch_isAProgrammingError() {
    assertThatIllegalArgumentException().isThrownBy(() -> core.dispatch.dispatch(0));
  }

  @Test
  void givenAttempts_backoff_startsAtFiveSecondsAndStopsAtTenMinutes() {
    assertThat(DispatchOutboxService.backoff(0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(DispatchOutboxService.backoff(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(DispatchOutboxService.backoff(7)).isEqualTo(Duration.ofMinutes(10));
    assertThat(DispatchOutboxService.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
  }
}
