package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link dev.rei.application.port.out.Outbox} must do. */
public abstract class OutboxContract extends StoreContract {

  private OutboxMessage message(long chat, int secondsAfterT0) {
    return OutboxMessage.create(nextUuid(), chat, Notice.of(Notice.Type.JOB_RESULT, Map.of("result", "r/1", "x", "é \"q\"")),
        T0.plusSeconds(secondsAfterT0));
  }

  @Test
  void lockDue_returnsUnsentDueMessagesOldestFirst_withTheirNotice() {
    OutboxMessage second = message(7, 2);
    OutboxMessage first = message(7, 1);
    kit.outbox().enqueue(second);
    kit.outbox().enqueue(first);

    assertThat(kit.unitOfWork().inTransaction(() -> kit.outbox().lockDue(T0, 10))).isEmpty();
    assertThat(kit.unitOfWork().inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(5), 10)))
        .containsExactly(first, second);
    assertThat(kit.outbox().countUnsent()).isEqualTo(2);
    assertThat(kit.outbox().oldestUnsent()).contains(first.createdAt());
  }

  @Test
  void sentRescheduledAndUndeliverable_areTrackedAndNeverSentTwice() {
    OutboxMessage a = message(7, 0);
    OutboxMessage b = message(8, 0);
    OutboxMessage c = message(9, 0);
    kit.outbox().enqueue(a);
    kit.outbox().enqueue(b);
    kit.outbox().enqueue(c);

    kit.outbox().markSent(a.id(), T0.plusSeconds(1));
    kit.outbox().reschedule(b.id(), T0.plusSeconds(60), "429");
    kit.outbox().markUndeliverable(c.id(), T0.plusSeconds(1), "blocked by the user");

    assertThatThrownBy(() -> kit.outbox().markSent(a.id(), T0.plusSeconds(2))).isInstanceOf(RuntimeException.class);
    assertThat(kit.unitOfWork().inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(59), 10))).isEmpty();
    OutboxMessage later = kit.unitOfWork().inTransaction(() -> kit.outbox().lockDue(T0.plusSeconds(60), 10)).get(0);
    assertThat(later.id()).isEqualTo(b.id());
    assertThat(later.attempts()).isEqualTo(1);
    assertThat(later.lastError()).isEqualTo(Optional.of("429"));
    assertThat(kit.outbox().countUnsent()).isEqualTo(1);
  }
}
