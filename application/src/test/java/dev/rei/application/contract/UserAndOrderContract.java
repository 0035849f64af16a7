package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.Order;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link dev.rei.application.port.out.UserStore} and {@link dev.rei.application.port.out.OrderStore} must do. */
public abstract class UserAndOrderContract extends StoreContract {

  @Test
  void users_areInsertedOnce_updatedInPlace_andCounted() {
    User alice = User.register(ALICE, Language.EN, T0);

    assertThat(kit.users().insertIfAbsent(alice)).isTrue();
    assertThat(kit.users().insertIfAbsent(User.register(ALICE, Language.RU, T0.plusSeconds(9)))).isFalse();
    assertThat(kit.users().find(ALICE)).contains(alice);
    User banned = alice.ban(T0.plusSeconds(1));
    kit.users().update(banned);
    assertThat(kit.unitOfWork().inTransaction(() -> kit.users().lock(ALICE))).contains(banned);
    assertThatThrownBy(() -> kit.users().update(User.register(UserId.of(9), Language.RU, T0)))
        .isInstanceOf(RuntimeException.class);
    kit.users().insertIfAbsent(User.register(UserId.of(2), Language.RU, T0.plusSeconds(60)));
    assertThat(kit.users().count()).isEqualTo(2);
    assertThat(kit.users().countRegisteredSince(T0.plusSeconds(1))).isEqualTo(1);
  }

  @Test
  void orders_areFoundByIdAndKey_withTheirJobsInOrder_andAKeyIsUsedOnce() {
    registerFunded(ALICE, 10);
    List<Job> jobs = placeOrder(ALICE, 3, T0);
    OrderId id = jobs.get(0).orderId();

    Order stored = kit.orders().find(id).orElseThrow();
    assertThat(stored.jobIds()).containsExactlyElementsOf(jobs.stream().map(Job::id).toList());
    assertThat(kit.orders().findByKey(stored.key())).contains(stored);
    assertThat(kit.orders().findByKey(IdempotencyKey.of("nope"))).isEmpty();
    assertThatThrownBy(() -> kit.unitOfWork().inTransaction(() -> {
      kit.orders().insert(new Order(OrderId.of(nextUuid()), ALICE, stored.key(), JobKind.REELS_VIDEO, Credits.of(1),
          stored.jobIds(), T0));
    })).isInstanceOf(RuntimeException.class);
  }
}
