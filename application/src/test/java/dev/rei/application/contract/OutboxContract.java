package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link dev.rei.application.port.out.Outbox} must do. */
public abstract class OutboxContract extends StoreContract {

  private OutboxMessage message(long chat, int secondsAfterT0) {
    return OutboxMessage.create(nextUuid(), chat, Notice.of(Notice.Type.JOB_RESULT, Map.of("result", "r/1")),
        T0.plusSeconds(secondsAfterT0));
  }

  private OutboxMessage enqueue(OutboxMessage message) {
    kit.outbox().enqueue(message);
    return message;
  }

  @Test
  void givenNoticesOfEveryShape_lockDue_returnsThemAsEnqueued() {
    OutboxMessage tricky = enqueue(OutboxMessage.create(nextUuid(), -1001234567890L, Notice.of(Notice.Type.ADMIN_ALERT,
        Map.of("text", "Ошибка: \"quota\" \\ exceeded\n✓ 🚀", "empty", "", "amount", "100.50")), T0));
    OutboxMessage bare = enqueue(OutboxMessage.create(nextUuid(), 42, Notice.of(Notice.Type.WELCOME),
        T0.plusNanos(1_000)));

    assertThat(inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(1), 10))).containsExactly(tricky, bare);
  }

  @Test
  void lockDue_returnsUnsentMessagesDueNow_oldestFirst_upToTheLimit() {
    OutboxMessage second = enqueue(message(7, 2));
    OutboxMessage first = enqueue(message(7, 1));
    OutboxMessage third = enqueue(message(8, 3));

    assertThat(inTransaction(() -> kit.outbox().lockDue(T0, 10))).isEmpty();
    assertThat(inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(1), 10))).containsExactly(first);
    assertThat(inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(5), 10))).containsExactly(first, second, third);
    assertThat(inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(5), 2))).containsExactly(first, second);
  }

  @Test
  void givenMessagesWrittenAtTheSameInstant_lockDue_keepsTheOrderTheyWereWritten() {
    OutboxMessage a = enqueue(message(7, 0));
    OutboxMessage b = enqueue(message(7, 0));
    OutboxMessage c = enqueue(message(7, 0));

    assertThat(inTransaction(() -> kit.outbox().lockDue(T0, 10))).containsExactly(a, b, c);
  }

  @Test
  void markSent_takesTheMessageOutOfTheQueue_once() {
    OutboxMessage a = enqueue(message(7, 0));
    OutboxMessage b = enqueue(message(8, 1));

    kit.outbox().markSent(a.id(), T0.plusSeconds(1));

    assertThat(inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(10), 10))).containsExactly(b);
    assertThat(kit.outbox().countUnsent()).isEqualTo(1);
    assertThat(kit.outbox().oldestUnsent()).contains(b.createdAt());
    assertThatThrownBy(() -> kit.outbox().markSent(a.id(), T0.plusSeconds(2))).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> kit.outbox().markSent(UUID.randomUUID(), T0)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void reschedule_countsTheAttempt_keepsTheError_andHidesTheMessageUntilItsTime() {
    OutboxMessage b = enqueue(message(8, 0));

    kit.outbox().reschedule(b.id(), T0.plusSeconds(60), "429 Too Many Requests: retry after 60");
    kit.outbox().reschedule(b.id(), T0.plusSeconds(120), "timeout");

    assertThat(inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(119), 10))).isEmpty();
    OutboxMessage later = inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(120), 10)).get(0);
    assertThat(later).isEqualTo(new OutboxMessage(b.id(), b.chatId(), b.notice(), b.createdAt(), 2,
        T0.plusSeconds(120), Optional.empty(), Optional.of("timeout")));
    assertThat(kit.outbox().countUnsent()).isEqualTo(1);
    assertThat(kit.outbox().oldestUnsent()).contains(T0);
  }

  @Test
  void markUndeliverable_givesUpOnTheMessage_forGood() {
    OutboxMessage c = enqueue(message(9, 0));
    OutboxMessage d = enqueue(message(10, 5));

    kit.outbox().markUndeliverable(c.id(), T0.plusSeconds(1), "Forbidden: bot was blocked by the user");

    assertThat(inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(60), 10))).containsExactly(d);
    assertThat(kit.outbox().countUnsent()).isEqualTo(1);
    assertThat(kit.outbox().oldestUnsent()).contains(d.createdAt());
  }

  @Test
  void givenUnknownMessage_rescheduleAndMarkUndeliverable_fail() {
    assertThatThrownBy(() -> kit.outbox().reschedule(UUID.randomUUID(), T0, "x")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> kit.outbox().markUndeliverable(UUID.randomUUID(), T0, "x"))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenNothingUnsent_countIsZero_andThereIsNoOldest() {
    assertThat(kit.outbox().countUnsent()).isZero();
    assertThat(kit.outbox().oldestUnsent()).isEmpty();

    OutboxMessage a = enqueue(message(7, 0));
    kit.outbox().markSent(a.id(), T0);

    assertThat(kit.outbox().countUnsent()).isZero();
    assertThat(kit.outbox().oldestUnsent()).isEmpty();
    assertThat(inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(60), 10))).isEmpty();
  }

  @Test
  void givenEnqueueInARolledBackTransaction_theMessageIsNeverSent() {
    assertThatThrownBy(() -> inTransaction(() -> {
      enqueue(message(7, 0));
      throw new IllegalStateException("the change it reported did not happen");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(kit.outbox().countUnsent()).isZero();
    assertThat(inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(60), 10))).isEmpty();
  }
}
