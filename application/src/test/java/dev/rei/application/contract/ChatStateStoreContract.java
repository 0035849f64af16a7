package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.ChatStateStore;
import dev.rei.application.port.out.UnitOfWork;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChatStateStore} must do. */
public abstract class ChatStateStoreContract {

  protected static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
  private static final Instant LATER = T0.plusSeconds(3600);

  protected ChatStateStore store;

  /** A new, empty store; called before each test. */
  protected abstract ChatStateStore newStore();

  /** The transaction boundary the store's writes must not wait for; called after {@link #newStore}. */
  protected abstract UnitOfWork unitOfWork();

  @BeforeEach
  void freshStore() {
    store = newStore();
  }

  @Test
  void put_thenGet_returnsTheValueAsWritten_perNamespace() {
    String tricky = "{\"step\":\"prompt\",\"text\":\"Кот в \\\"шляпе\\\"\\n🚀\"}";
    store.put("conv", "1001", tricky, LATER);
    store.put("btn", "1001", "other", LATER);

    assertThat(store.get("conv", "1001", T0)).contains(tricky);
    assertThat(store.get("btn", "1001", T0)).contains("other");
    assertThat(store.get("conv", "1002", T0)).isEmpty();
  }

  @Test
  void givenAWriteInsideATransaction_othersSeeItAtOnce_andItStaysWhenTheTransactionRollsBack() throws Exception {
    UnitOfWork unitOfWork = unitOfWork();
    assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
      store.put("btn", "k1", "cancel order 7", LATER);
      // Another thread (the inbox worker handling the press) reads it before this transaction ends.
      java.util.concurrent.CompletableFuture<java.util.Optional<String>> seen =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> store.get("btn", "k1", T0));
      assertThat(seen.join()).contains("cancel order 7");
      throw new IllegalStateException("the surrounding change fails");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(store.get("btn", "k1", T0)).contains("cancel order 7");
  }

  @Test
  void put_replacesTheValueAndItsExpiry() {
    store.put("conv", "1001", "first", T0.plusSeconds(1));
    store.put("conv", "1001", "second", LATER);

    assertThat(store.get("conv", "1001", T0.plusSeconds(10))).contains("second");
  }

  @Test
  void givenAnExpiredEntry_get_findsNothing_andPurgeForgetsIt() {
    store.put("btn", "a", "1", T0.plusSeconds(10));
    store.put("btn", "b", "2", LATER);

    assertThat(store.get("btn", "a", T0.plusSeconds(9))).contains("1");
    assertThat(store.get("btn", "a", T0.plusSeconds(10))).isEmpty();
    assertThat(store.purgeExpired(T0.plusSeconds(10))).isEqualTo(1);
    assertThat(store.get("btn", "b", T0.plusSeconds(10))).contains("2");
  }

  @Test
  void remove_forgetsTheEntry_andAnAbsentOneIsFine() {
    store.put("status", "order-1", "42", LATER);
    store.remove("status", "order-1");
    store.remove("status", "order-1");

    assertThat(store.get("status", "order-1", T0)).isEmpty();
  }

  @Test
  void givenBadNames_everyMethod_refusesThem() {
    assertThatThrownBy(() -> store.put("Conv", "1", "v", LATER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put("conv/x", "1", "v", LATER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put("conv", "", "v", LATER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put("conv", "k".repeat(201), "v", LATER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.put("conv", "1", "v".repeat(ChatStateStore.MAX_VALUE_LENGTH + 1), LATER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get("", "1", T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.remove("conv", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyMayHoldAnyCharacters() {
    store.put("btn", "a/b c:д", "v", LATER);

    assertThat(store.get("btn", "a/b c:д", T0)).contains("v");
    assertThat(store.get("btn", "a", T0)).isEmpty();
  }
}
