package dev.rei.domain.provider;

import static dev.rei.domain.fixtures.KeyPoolFixtures.BILLING_BLOCK;
import static dev.rei.domain.fixtures.KeyPoolFixtures.COOL_DOWN;
import static dev.rei.domain.fixtures.KeyPoolFixtures.KIE;
import static dev.rei.domain.fixtures.KeyPoolFixtures.KLING;
import static dev.rei.domain.fixtures.KeyPoolFixtures.T0;
import static dev.rei.domain.fixtures.KeyPoolFixtures.aPool;
import static dev.rei.domain.fixtures.KeyPoolFixtures.key;
import static dev.rei.domain.fixtures.KeyPoolFixtures.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider key pool of DESIGN §2.4: round-robin over healthy keys, cool-downs, billing blocks, fallback. */
class KeyPoolTest {

  @Test
  void givenHealthyKeys_select_rotatesByTurn() {
    KeyPool pool = pool(3);

    assertThat(selectedKeys(pool, 0, 6, T0)).containsExactly(key(0), key(1), key(2), key(0), key(1), key(2));
    assertThat(pool.select(0, T0).allBlocked()).isFalse();
  }

  @Test
  void givenAnyTurn_select_wrapsAroundIncludingHugeAndNegativeTurns() {
    KeyPool pool = pool(3);

    assertThat(pool.select(Long.MAX_VALUE, T0).key()).isEqualTo(key((int) (Long.MAX_VALUE % 3)));
    assertThat(pool.select(-1, T0).key()).isEqualTo(key(2));
    assertThat(pool.select(Long.MIN_VALUE, T0).key()).isEqualTo(key((int) Math.floorMod(Long.MIN_VALUE, 3L)));
  }

  @Test
  void givenCooledKey_select_skipsIt() {
    KeyPool pool = pool(3).report(key(1), KeyEffect.COOL_DOWN, T0);

    assertThat(selectedKeys(pool, 0, 4, T0.plusSeconds(1))).containsExactly(key(0), key(2), key(0), key(2));
  }

  @Test
  void givenDefaultPolicy_coolDown_lastsExactlySixtyMinutes() {
    KeyPool pool = pool(1).report(key(0), KeyEffect.COOL_DOWN, T0);

    assertThat(pool.health(key(0)).block()).contains(new KeyBlock(KeyEffect.COOL_DOWN, T0.plus(Duration.ofMinutes(60))));
    assertThat(pool.health(key(0)).isHealthyAt(T0.plus(COOL_DOWN).minusMillis(1))).isFalse();
    assertThat(pool.health(key(0)).isHealthyAt(T0.plus(COOL_DOWN))).isTrue();
    assertThat(pool.select(0, T0.plus(COOL_DOWN).minusMillis(1)).allBlocked()).isTrue();
    assertThat(pool.select(0, T0.plus(COOL_DOWN)).allBlocked()).isFalse();
  }

  @Test
  void givenDefaultPolicy_billingBlock_lastsExactlyTwentyFourHours() {
    KeyPool pool = pool(2).report(key(0), KeyEffect.BLOCK, T0);

    assertThat(pool.health(key(0)).block()).contains(new KeyBlock(KeyEffect.BLOCK, T0.plus(Duration.ofHours(24))));
    assertThat(pool.health(key(0)).isHealthyAt(T0.plus(BILLING_BLOCK).minusMillis(1))).isFalse();
    assertThat(pool.health(key(0)).isHealthyAt(T0.plus(BILLING_BLOCK))).isTrue();
    assertThat(selectedKeys(pool, 0, 2, T0.plus(BILLING_BLOCK).minusMillis(1))).containsExactly(key(1), key(1));
    assertThat(selectedKeys(pool, 0, 2, T0.plus(BILLING_BLOCK))).containsExactly(key(0), key(1));
  }

  @Test
  void givenBillingBlock_coolDown_neverShortensIt() {
    KeyPool blocked = pool(2).report(key(0), KeyEffect.BLOCK, T0);

    KeyPool cooled = blocked.report(key(0), KeyEffect.COOL_DOWN, T0.plus(Duration.ofHours(1)));

    assertThat(cooled.health(key(0)).block()).contains(new KeyBlock(KeyEffect.BLOCK, T0.plus(BILLING_BLOCK)));
  }

  @Test
  void givenCoolDown_billingBlock_replacesItWithTheLongerBlock() {
    KeyPool cooled = pool(2).report(key(0), KeyEffect.COOL_DOWN, T0);

    KeyPool blocked = cooled.report(key(0), KeyEffect.BLOCK, T0.plusSeconds(60));

    assertThat(blocked.health(key(0)).block())
        .contains(new KeyBlock(KeyEffect.BLOCK, T0.plusSeconds(60).plus(BILLING_BLOCK)));
  }

  @Test
  void givenCoolDown_laterCoolDown_extendsIt() {
    KeyPool cooled = pool(1).report(key(0), KeyEffect.COOL_DOWN, T0);

    KeyPool again = cooled.report(key(0), KeyEffect.COOL_DOWN, T0.plus(Duration.ofMinutes(30)));

    assertThat(again.health(key(0)).block())
        .contains(new KeyBlock(KeyEffect.COOL_DOWN, T0.plus(Duration.ofMinutes(90))));
  }

  @Test
  void givenLapsedBillingBlock_coolDown_startsAFreshCoolDown() {
    KeyPool blocked = pool(1).report(key(0), KeyEffect.BLOCK, T0);
    Instant afterBlock = T0.plus(BILLING_BLOCK).plusSeconds(5);

    KeyPool cooled = blocked.report(key(0), KeyEffect.COOL_DOWN, afterBlock);

    assertThat(cooled.health(key(0)).block()).contains(new KeyBlock(KeyEffect.COOL_DOWN, afterBlock.plus(COOL_DOWN)));
  }

  @Test
  void givenCustomPolicy_report_usesItsDurations() {
    KeyPoolPolicy policy = new KeyPoolPolicy(Duration.ofMinutes(5), Duration.ofHours(2));
    KeyPool pool = KeyPool.of(KIE, 2, policy)
        .report(key(0), KeyEffect.COOL_DOWN, T0)
        .report(key(1), KeyEffect.BLOCK, T0);

    assertThat(pool.health(key(0)).block().orElseThrow().until()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(pool.health(key(1)).block().orElseThrow().until()).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(pool.policy()).isEqualTo(policy);
  }

  @Test
  void givenBlockedKey_reportSuccess_liftsTheBlock() {
    KeyPool blocked = pool(2).report(key(0), KeyEffect.BLOCK, T0);

    KeyPool lifted = blocked.reportSuccess(key(0));

    assertThat(lifted.health(key(0))).isEqualTo(KeyHealth.healthy(key(0)));
    assertThat(selectedKeys(lifted, 0, 2, T0.plusSeconds(1))).containsExactly(key(0), key(1));
    // Pools are immutable: the old one still has the block.
    assertThat(blocked.health(key(0)).isHealthyAt(T0.plusSeconds(1))).isFalse();
  }

  @Test
  void givenNoneEffect_report_changesNothing() {
    KeyPool cooled = pool(2).report(key(1), KeyEffect.COOL_DOWN, T0);

    KeyPool same = cooled.report(key(1), KeyEffect.NONE, T0.plusSeconds(30));

    assertThat(same.keys()).isEqualTo(cooled.keys());
    assertThat(pool(2).report(key(0), KeyEffect.NONE, T0).keys()).isEqualTo(pool(2).keys());
  }

  @Test
  void givenAllKeysBlocked_select_fallsBackToTheBlockEndingFirst() {
    KeyPool pool = pool(3)
        .report(key(0), KeyEffect.BLOCK, T0)
        .report(key(1), KeyEffect.COOL_DOWN, T0.plusSeconds(10))
        .report(key(2), KeyEffect.COOL_DOWN, T0);

    for (long turn = 0; turn < 5; turn++) {
      assertThat(pool.select(turn, T0.plusSeconds(20))).isEqualTo(new KeySelection(key(2), true));
    }
  }

  @Test
  void givenAllKeysBlockedUntilTheSameMoment_select_takesTheLowestIndex() {
    KeyPool pool = pool(3)
        .report(key(0), KeyEffect.BLOCK, T0)
        .report(key(2), KeyEffect.COOL_DOWN, T0)
        .report(key(1), KeyEffect.COOL_DOWN, T0);

    assertThat(pool.select(7, T0.plusSeconds(1))).isEqualTo(new KeySelection(key(1), true));
  }

  @Test
  void givenKeysListedOutOfOrder_select_stillBreaksTiesByLowestIndex() {
    Instant until = T0.plus(COOL_DOWN);
    KeyPool pool = aPool()
        .blocked(2, KeyEffect.COOL_DOWN, until)
        .blocked(0, KeyEffect.COOL_DOWN, until)
        .blocked(1, KeyEffect.BLOCK, T0.plus(BILLING_BLOCK))
        .build();

    assertThat(pool.select(0, T0)).isEqualTo(new KeySelection(key(0), true));
  }

  @Test
  void givenStoredPoolWithLapsedBlocks_select_treatsThemAsHealthy() {
    KeyPool pool = aPool()
        .blocked(0, KeyEffect.BLOCK, T0.minusSeconds(1))
        .healthy(1)
        .blocked(2, KeyEffect.COOL_DOWN, T0)
        .build();

    assertThat(selectedKeys(pool, 0, 3, T0)).containsExactly(key(0), key(1), key(2));
  }

  @Test
  void givenInvalidPools_construction_throws() {
    assertThatThrownBy(() -> new KeyPool(List.of(), KeyPoolPolicy.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one key");
    assertThatThrownBy(() -> KeyPool.of(KIE, 0, KeyPoolPolicy.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyPool(List.of(KeyHealth.healthy(key(0)), KeyHealth.healthy(new KeyId(KLING, 1))),
        KeyPoolPolicy.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in one pool");
    assertThatThrownBy(() -> aPool().healthy(1).blocked(1, KeyEffect.BLOCK, T0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> new KeyPool(null, KeyPoolPolicy.DEFAULT)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new KeyPool(List.of(KeyHealth.healthy(key(0))), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenKeyOutsideThePool_reportsAndHealth_throw() {
    KeyPool pool = pool(2);
    KeyId unknownIndex = key(5);
    KeyId otherProvider = new KeyId(KLING, 0);

    for (KeyId stranger : List.of(unknownIndex, otherProvider)) {
      assertThatThrownBy(() -> pool.report(stranger, KeyEffect.COOL_DOWN, T0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not in the pool");
      assertThatThrownBy(() -> pool.report(stranger, KeyEffect.BLOCK, T0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> pool.report(stranger, KeyEffect.NONE, T0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> pool.reportSuccess(stranger)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> pool.health(stranger)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> pool.report(key(0), null, T0)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenPool_accessors_describeIt() {
    KeyPool pool = pool(2);

    assertThat(pool.provider()).isEqualTo(KIE);
    assertThat(pool.keys()).containsExactly(KeyHealth.healthy(key(0)), KeyHealth.healthy(key(1)));
    assertThatThrownBy(() -> pool.keys().add(KeyHealth.healthy(key(2))))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(pool.toString()).contains("kie", "kie#0", "kie#1");
  }

  @Test
  void givenMutableKeyList_pool_keepsItsOwnCopy() {
    List<KeyHealth> keys = new ArrayList<>(List.of(KeyHealth.healthy(key(0))));
    KeyPool pool = new KeyPool(keys, KeyPoolPolicy.DEFAULT);

    keys.add(KeyHealth.healthy(key(1)));

    assertThat(pool.keys()).hasSize(1);
  }

  private static List<KeyId> selectedKeys(KeyPool pool, long firstTurn, int turns, Instant now) {
    List<KeyId> keys = new ArrayList<>();
    for (long turn = firstTurn; turn < firstTurn + turns; turn++) {
      keys.add(pool.select(turn, now).key());
    }
    return keys;
  }
}
