package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.KeyHealthStore;
import dev.rei.domain.provider.KeyBlock;
import dev.rei.domain.provider.KeyEffect;
import dev.rei.domain.provider.KeyHealth;
import dev.rei.domain.provider.KeyId;
import dev.rei.domain.provider.ProviderName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KeyHealthStore} must do; subclasses give a fresh, empty one. */
public abstract class KeyHealthStoreContract {

  private static final ProviderName KIE = ProviderName.of("kie");
  private static final ProviderName KLING = ProviderName.of("kling");
  private static final KeyId FIRST = new KeyId(KIE, 0);
  private static final KeyId SECOND = new KeyId(KIE, 1);
  private static final KeyId KLING_FIRST = new KeyId(KLING, 0);
  // Far ahead, whole milliseconds: stores may keep milliseconds only, and a real store expires
  // blocks by its own clock, so blocks must not lapse mid-test.
  private static final Instant LATER = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

  protected abstract KeyHealthStore newStore();

  private KeyHealthStore store;

  @BeforeEach
  void fresh() {
    store = newStore();
  }

  @Test
  void givenNoReports_everyKey_isHealthyInTheOrderAsked() {
    assertThat(store.health(List.of(SECOND, KLING_FIRST, FIRST)))
        .containsExactly(KeyHealth.healthy(SECOND), KeyHealth.healthy(KLING_FIRST), KeyHealth.healthy(FIRST));
    assertThat(store.health(List.of())).isEmpty();
  }

  @Test
  void givenBlock_health_showsItUntilCleared() {
    KeyBlock block = new KeyBlock(KeyEffect.BLOCK, LATER);
    store.block(FIRST, block);

    assertThat(store.health(List.of(KLING_FIRST, FIRST, SECOND))).containsExactly(
        KeyHealth.healthy(KLING_FIRST), new KeyHealth(FIRST, Optional.of(block)), KeyHealth.healthy(SECOND));
    store.clear(FIRST);
    assertThat(store.health(List.of(FIRST)).get(0).block()).isEmpty();
    store.clear(FIRST);
    assertThat(store.health(List.of(FIRST)).get(0).block()).isEmpty();
  }

  @Test
  void givenLongerBlock_aShorterOne_neverShortensIt_butALongerOneExtendsIt() {
    KeyBlock billing = new KeyBlock(KeyEffect.BLOCK, LATER);
    store.block(FIRST, billing);

    store.block(FIRST, new KeyBlock(KeyEffect.COOL_DOWN, LATER.minusSeconds(3600)));
    assertThat(store.health(List.of(FIRST)).get(0).block()).contains(billing);

    KeyBlock longer = new KeyBlock(KeyEffect.COOL_DOWN, LATER.plusSeconds(60));
    store.block(FIRST, longer);
    assertThat(store.health(List.of(FIRST)).get(0).block()).contains(longer);
  }

  @Test
  void givenBlockEndingAtTheSameTime_theFirstOne_stays() {
    KeyBlock billing = new KeyBlock(KeyEffect.BLOCK, LATER);
    store.block(FIRST, billing);

    store.block(FIRST, new KeyBlock(KeyEffect.COOL_DOWN, LATER));

    assertThat(store.health(List.of(FIRST)).get(0).block()).contains(billing);
  }

  @Test
  void givenClearedBlock_aShorterNewOne_applies() {
    store.block(FIRST, new KeyBlock(KeyEffect.BLOCK, LATER));
    store.clear(FIRST);

    KeyBlock coolDown = new KeyBlock(KeyEffect.COOL_DOWN, LATER.minusSeconds(3600));
    store.block(FIRST, coolDown);

    assertThat(store.health(List.of(FIRST)).get(0).block()).contains(coolDown);
  }

  @Test
  void givenConcurrentReports_theLongestBlock_wins() throws Exception {
    List<Callable<Void>> reports = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      KeyBlock block = new KeyBlock(i % 2 == 0 ? KeyEffect.COOL_DOWN : KeyEffect.BLOCK, LATER.plusSeconds(i));
      reports.add(() -> {
        store.block(FIRST, block);
        return null;
      });
    }

    runConcurrently(reports);

    assertThat(store.health(List.of(FIRST)).get(0).block())
        .contains(new KeyBlock(KeyEffect.BLOCK, LATER.plusSeconds(15)));
  }

  @Test
  void turns_growByOnePerCall_perProvider() {
    long first = store.nextTurn(KIE);
    long second = store.nextTurn(KIE);
    store.nextTurn(KLING);

    assertThat(second).isEqualTo(first + 1);
    assertThat(store.nextTurn(KIE)).isEqualTo(first + 2);
  }

  @Test
  void givenConcurrentCallers_everyTurn_isHandedOutOnce() throws Exception {
    long start = store.nextTurn(KIE);
    List<Callable<Long>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(() -> store.nextTurn(KIE));
    }

    List<Long> turns = runConcurrently(calls);

    assertThat(turns).doesNotHaveDuplicates().allSatisfy(turn -> assertThat(turn).isBetween(start + 1, start + 200));
  }

  private static <T> List<T> runConcurrently(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> future : pool.invokeAll(calls)) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
