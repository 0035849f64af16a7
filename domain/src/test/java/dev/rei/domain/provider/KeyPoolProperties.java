package dev.rei.domain.provider;

import static dev.rei.domain.fixtures.KeyPoolFixtures.T0;
import static dev.rei.domain.fixtures.KeyPoolFixtures.healthyAt;
import static dev.rei.domain.fixtures.KeyPoolFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.domain.fixtures.KeyPoolFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random report histories on pools of 1–6 keys, checked against a model of the blocks written from
 * DESIGN §2.4: selections never pick a blocked key while a healthy one exists, fall back to the
 * block that ends first, and rotate fairly over the healthy keys.
 */
class KeyPoolProperties {

  enum Op { COOL_DOWN, BLOCK, NONE, SUCCESS, SELECT, FAIR_ROUND }

  /** One action, {@code advanceMillis} after the previous one, on key {@code keyIndex} (modulo the pool size). */
  record Action(Op op, int keyIndex, long advanceMillis, long turn) {}

  @Property(tries = 1000)
  void givenRandomReports_selectionAvoidsBlockedKeysAndFallsBackToTheSoonestBlock(
      @ForAll @IntRange(min = 1, max = 6) int size,
      @ForAll("histories") List<Action> actions) {
    KeyPool pool = KeyPoolFixtures.pool(size);
    KeyPoolPolicy policy = pool.policy();
    // The model: when each key's block ends; a key is healthy at now iff it has none ending after now.
    Map<Integer, Instant> blockedUntil = new HashMap<>();
    Instant now = T0;

    for (Action action : actions) {
      now = now.plusMillis(action.advanceMillis());
      int index = action.keyIndex() % size;
      switch (action.op()) {
        case COOL_DOWN, BLOCK, NONE -> {
          KeyEffect effect = KeyEffect.valueOf(action.op().name());
          pool = pool.report(key(index), effect, now);
          if (effect != KeyEffect.NONE) {
            Instant until = now.plus(effect == KeyEffect.BLOCK ? policy.billingBlock() : policy.coolDown());
            Instant current = blockedUntil.get(index);
            if (current == null || !current.isAfter(now) || current.isBefore(until)) {
              blockedUntil.put(index, until);
            }
          }
        }
        case SUCCESS -> {
          pool = pool.reportSuccess(key(index));
          blockedUntil.remove(index);
        }
        case SELECT -> assertSelection(pool, action.turn(), now);
        case FAIR_ROUND -> assertFairRound(pool, Math.abs(action.turn() % 1_000_000), now);
      }
      assertPoolMatchesModel(pool, size, blockedUntil, now);
      Statistics.label("healthy keys when acting").collect(healthyAt(pool, now).size() + " of " + size);
    }
  }

  @Property(tries = 1000)
  void givenAnyBlocksInAnyOrder_consecutiveTurnsSelectEachHealthyKeyOnce(
      @ForAll("storedPools") KeyPool pool,
      @ForAll("fairTurns") long firstTurn) {
    List<KeyId> healthy = healthyAt(pool, T0);

    assertSelection(pool, firstTurn, T0);
    assertFairRound(pool, firstTurn, T0);
    Statistics.label("healthy").collect(healthy.isEmpty() ? "none" : healthy.size() == pool.keys().size() ? "all"
        : "some");
  }

  /** A selection never returns a blocked key while a healthy one exists, and flags the all-blocked fallback. */
  private static void assertSelection(KeyPool pool, long turn, Instant now) {
    List<KeyId> healthy = healthyAt(pool, now);
    KeySelection selection = pool.select(turn, now);

    assertThat(selection.allBlocked()).as("allBlocked with healthy keys %s", healthy).isEqualTo(healthy.isEmpty());
    if (!healthy.isEmpty()) {
      assertThat(healthy).as("selected key is healthy at %s in %s", now, pool).contains(selection.key());
      return;
    }
    Instant selectedUntil = pool.health(selection.key()).block().orElseThrow().until();
    for (KeyHealth other : pool.keys()) {
      Instant otherUntil = other.block().orElseThrow().until();
      assertThat(selectedUntil).as("block of %s vs %s in %s", selection.key(), other.key(), pool)
          .isBeforeOrEqualTo(otherUntil);
      if (otherUntil.equals(selectedUntil)) {
        assertThat(selection.key().index()).as("tie broken by lowest index").isLessThanOrEqualTo(other.key().index());
      }
    }
  }

  /** Over as many consecutive turns as there are healthy keys, each healthy key is selected exactly once. */
  private static void assertFairRound(KeyPool pool, long firstTurn, Instant now) {
    List<KeyId> healthy = healthyAt(pool, now);
    if (healthy.isEmpty()) {
      return;
    }
    List<KeyId> selected = new ArrayList<>();
    for (long turn = firstTurn; turn < firstTurn + healthy.size(); turn++) {
      selected.add(pool.select(turn, now).key());
    }
    assertThat(selected).as("turns %d.. of %s", firstTurn, pool).containsExactlyInAnyOrderElementsOf(healthy);
  }

  private static void assertPoolMatchesModel(KeyPool pool, int size, Map<Integer, Instant> blockedUntil, Instant now) {
    assertThat(pool.keys()).hasSize(size);
    for (int i = 0; i < size; i++) {
      KeyHealth health = pool.health(key(i));
      Optional<Instant> until = Optional.ofNullable(blockedUntil.get(i)).filter(u -> u.isAfter(now));
      assertThat(health.isHealthyAt(now)).as("health of %s at %s", key(i), now).isEqualTo(until.isEmpty());
      if (until.isPresent()) {
        assertThat(health.block().orElseThrow().until()).as("block end of %s", key(i)).isEqualTo(until.get());
      }
    }
  }

  @Provide
  Arbitrary<List<Action>> histories() {
    Arbitrary<Op> ops = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(Op.COOL_DOWN)),
        Tuple.of(3, Arbitraries.just(Op.BLOCK)),
        Tuple.of(2, Arbitraries.just(Op.NONE)),
        Tuple.of(2, Arbitraries.just(Op.SUCCESS)),
        Tuple.of(8, Arbitraries.just(Op.SELECT)),
        Tuple.of(3, Arbitraries.just(Op.FAIR_ROUND)));
    // Often within a cool-down, sometimes past it, now and then past a billing block; zero makes ties.
    Arbitrary<Long> advances = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(0L)),
        Tuple.of(5, Arbitraries.longs().between(1, Duration.ofMinutes(10).toMillis())),
        Tuple.of(3, Arbitraries.longs().between(Duration.ofMinutes(10).toMillis(), Duration.ofMinutes(90).toMillis())),
        Tuple.of(1, Arbitraries.longs().between(Duration.ofHours(2).toMillis(), Duration.ofHours(30).toMillis())));
    Arbitrary<Action> actions = Combinators.combine(ops, Arbitraries.integers().between(0, 5), advances,
        KeyPoolFixtures.Generate.turns()).as(Action::new);
    return actions.list().ofMinSize(1).ofMaxSize(60);
  }

  /** Pools as restored from shared storage: keys in any order, each healthy, lapsed, or blocked (often until the same moment). */
  @Provide
  Arbitrary<KeyPool> storedPools() {
    Arbitrary<Optional<KeyBlock>> blocks = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Optional.<KeyBlock>empty())),
        Tuple.of(6, Combinators.combine(
                Arbitraries.of(KeyEffect.COOL_DOWN, KeyEffect.BLOCK),
                Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.longs().between(-120, 0)),
                    Tuple.of(3, Arbitraries.of(60L, 120L)),
                    Tuple.of(3, Arbitraries.longs().between(1, 86_400))))
            .as((cause, seconds) -> Optional.of(new KeyBlock(cause, T0.plusSeconds(seconds))))));
    return KeyPoolFixtures.Generate.poolSizes().flatMap(size -> blocks.list().ofSize(size).flatMap(
        chosen -> Arbitraries.shuffle(indexes(size)).map(order -> {
          List<KeyHealth> keys = new ArrayList<>();
          for (int i = 0; i < size; i++) {
            keys.add(new KeyHealth(key(order.get(i)), chosen.get(i)));
          }
          return new KeyPool(keys, KeyPoolPolicy.DEFAULT);
        })));
  }

  @Provide
  Arbitrary<Long> fairTurns() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000), Arbitraries.longs().between(0, Long.MAX_VALUE - 10));
  }

  private static List<Integer> indexes(int size) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      indexes.add(i);
    }
    return Collections.unmodifiableList(indexes);
  }
}
