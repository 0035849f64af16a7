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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KeyHealthStore} must do; subclasses give a fresh, empty one. */
public abstract class KeyHealthStoreContract {

  private static final ProviderName KIE = ProviderName.of("kie");
  private static final KeyId FIRST = new KeyId(KIE, 0);
  private static final KeyId SECOND = new KeyId(KIE, 1);
  // Far ahead, whole milliseconds: stores may keep milliseconds only, and blocks must not lapse mid-test.
  private static final Instant LATER = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

  protected abstract KeyHealthStore newStore();

  private KeyHealthStore store;

  @BeforeEach
  void fresh() {
    store = newStore();
  }

  @Test
  void givenNoReports_everyKey_isHealthyInTheOrderAsked() {
    assertThat(store.health(List.of(SECOND, FIRST)))
        .containsExactly(KeyHealth.healthy(SECOND), KeyHealth.healthy(FIRST));
  }

  @Test
  void givenBlock_health_showsItUntilCleared() {
    KeyBlock block = new KeyBlock(KeyEffect.BLOCK, LATER);
    store.block(FIRST, block);

    assertThat(store.health(List.of(FIRST, SECOND)).get(0).block()).contains(block);
    assertThat(store.health(List.of(SECOND)).get(0).block()).isEmpty();
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
  void turns_growByOnePerCall_perProvider() {
    long first = store.nextTurn(KIE);
    long second = store.nextTurn(KIE);
    store.nextTurn(ProviderName.of("kling"));

    assertThat(second).isEqualTo(first + 1);
    assertThat(store.nextTurn(KIE)).isEqualTo(first + 2);
  }
}
