package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobParameters;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.TransferId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link dev.rei.application.port.out.OrderStore} must do. */
public abstract class OrderStoreContract extends StoreContract {

  /** An order of {@code count} jobs of {@code kind} at {@code unitPrice}, jobs and holds included. */
  private Order place(IdempotencyKey key, JobKind kind, long unitPrice, int count) {
    return inTransaction(() -> {
      OrderId orderId = OrderId.of(nextUuid());
      List<JobId> jobIds = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        JobId jobId = JobId.of(nextUuid());
        TransferId holdId = placeHold(jobId, ALICE, Credits.of(unitPrice), TransferId.of(nextUuid()), T0);
        kit.jobs().insert(Job.queue(jobId, orderId, ALICE, kind, JobParameters.NONE, Credits.of(unitPrice), holdId,
            T0.plus(Duration.ofHours(1)), T0));
        jobIds.add(jobId);
      }
      Order order = new Order(orderId, ALICE, key, kind, Credits.of(unitPrice), jobIds, T0.plusMillis(250));
      kit.orders().insert(order);
      return order;
    });
  }

  @Test
  void givenPlacedOrder_findAndFindByKey_returnItWithEveryField_andItsJobsInOrder() {
    registerFunded(ALICE, 100);
    Order order = place(IdempotencyKey.of("callback", "q-1"), JobKind.VIDEO_IMAGE, 7, 5);

    Order stored = kit.orders().find(order.id()).orElseThrow();

    assertThat(stored).isEqualTo(order);
    assertThat(stored.jobIds()).containsExactlyElementsOf(order.jobIds());
    assertThat(stored.total()).isEqualTo(Credits.of(35));
    assertThat(kit.orders().findByKey(order.key())).contains(order);
  }

  @Test
  void givenUnknownIdOrKey_findAndFindByKey_areEmpty() {
    registerFunded(ALICE, 10);
    place(IdempotencyKey.of("k1"), JobKind.IMAGE_GENERATE, 1, 1);

    assertThat(kit.orders().find(OrderId.of(nextUuid()))).isEmpty();
    assertThat(kit.orders().findByKey(IdempotencyKey.of("k2"))).isEmpty();
  }

  @Test
  void givenOrdersOfEveryKind_eachComesBackAsStored() {
    registerFunded(ALICE, 100);
    List<Order> orders = new ArrayList<>();
    for (JobKind kind : JobKind.values()) {
      orders.add(place(IdempotencyKey.of("order", kind), kind, 2, 1));
    }

    for (Order order : orders) {
      assertThat(kit.orders().find(order.id())).contains(order);
      assertThat(kit.orders().findByKey(order.key())).contains(order);
    }
  }

  @Test
  void givenUsedKey_insertingAnotherOrderWithIt_fails_andTheFirstStays() {
    registerFunded(ALICE, 10);
    Order first = place(IdempotencyKey.of("k1"), JobKind.REELS_VIDEO, 1, 2);

    assertThatThrownBy(() -> place(IdempotencyKey.of("k1"), JobKind.REELS_VIDEO, 1, 1))
        .isInstanceOf(RuntimeException.class);

    assertThat(kit.orders().findByKey(first.key())).contains(first);
    assertThat(kit.jobs().activeOrders(ALICE)).isEqualTo(1);
    assertThat(kit.ledger().balanceOf(ALICE).held()).isEqualTo(Credits.of(2));
  }

  @Test
  void givenRolledBackPlacement_theOrderIsGone() {
    registerFunded(ALICE, 10);

    assertThatThrownBy(() -> inTransaction(() -> {
      place(IdempotencyKey.of("k1"), JobKind.IMAGE_EDIT, 1, 1);
      throw new IllegalStateException("limits refused after all");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(kit.orders().findByKey(IdempotencyKey.of("k1"))).isEmpty();
    assertThat(place(IdempotencyKey.of("k1"), JobKind.IMAGE_EDIT, 1, 1).key()).isEqualTo(IdempotencyKey.of("k1"));
  }
}
