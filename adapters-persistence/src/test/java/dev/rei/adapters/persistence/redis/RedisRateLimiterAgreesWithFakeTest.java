package dev.rei.adapters.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryRateLimiter;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.EscalationPolicy;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.RateLimit;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * The Redis rate limiter and the in-memory fake the application's tests rely on decide alike for
 * any sequence of calls: a fake that behaved differently would make those tests lie.
 */
class RedisRateLimiterAgreesWithFakeTest {

  private static final RateLimitPolicy POLICY = new RateLimitPolicy(
      Map.of(ActionClass.MESSAGE, RateLimit.perMinute(3),
          ActionClass.BUTTON_PRESS, new RateLimit(2, Duration.ofSeconds(10)),
          ActionClass.PAYMENT, RateLimit.perMinute(1)),
      new EscalationPolicy(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10)),
          Duration.ofMinutes(30)));
  private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

  record Step(long userId, ActionClass action, long advanceMillis) {}

  @Property(tries = 40)
  void givenAnySequenceOfCalls_redisAndTheFake_decideAlike(@ForAll("steps") List<Step> steps) {
    RedisConnection connection = TestRedis.fresh();
    try {
      RedisRateLimiter redis = new RedisRateLimiter(connection, POLICY);
      InMemoryRateLimiter fake = new InMemoryRateLimiter(POLICY);
      Instant now = START;
      List<LimitDecision> fromRedis = new ArrayList<>();
      List<LimitDecision> fromFake = new ArrayList<>();
      for (Step step : steps) {
        now = now.plusMillis(step.advanceMillis());
        fromRedis.add(redis.tryAcquire(UserId.of(step.userId()), step.action(), now));
        fromFake.add(fake.tryAcquire(UserId.of(step.userId()), step.action(), now));
      }

      assertThat(fromRedis).containsExactlyElementsOf(fromFake);
    } finally {
      TestRedis.drop(connection);
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    // Mostly bursts, sometimes a pause past a window or a block, rarely past the escalation memory,
    // and now and then a step back in time, as a caller with a slower clock would take.
    Arbitrary<Long> advance = Arbitraries.frequencyOf(
        weighted(10, Arbitraries.just(0L)),
        weighted(10, Arbitraries.longs().between(1, 3_000)),
        weighted(5, Arbitraries.longs().between(5_000, 70_000)),
        weighted(3, Arbitraries.longs().between(60_000, 15 * 60_000)),
        weighted(1, Arbitraries.longs().between(25 * 60_000, 40 * 60_000)),
        weighted(1, Arbitraries.longs().between(-2_000, -1)));
    Arbitrary<Step> step = Combinators.combine(Arbitraries.longs().between(1, 3),
        Arbitraries.of(ActionClass.class), advance).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(60);
  }

  private static Tuple2<Integer, Arbitrary<? extends Long>> weighted(int weight, Arbitrary<? extends Long> values) {
    return Tuple.of(weight, values);
  }
}
