package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.KEY;
import static dev.rei.domain.fixtures.JobFixtures.LEASE_DURATION;
import static dev.rei.domain.fixtures.JobFixtures.OTHER_WORKER;
import static dev.rei.domain.fixtures.JobFixtures.RESULT;
import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.TASK;
import static dev.rei.domain.fixtures.JobFixtures.USER_ID;
import static dev.rei.domain.fixtures.JobFixtures.WORKER;
import static dev.rei.domain.fixtures.JobFixtures.aJob;
import static dev.rei.domain.fixtures.JobFixtures.fundAndHold;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.domain.fixtures.JobFixtures;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.ReferenceLedger;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.provider.KeyEffect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random histories of one job: every transition, with fresh, stale and forged leases, while time
 * runs past leases and the deadline. Whatever happens, the job only moves along the edges of DESIGN
 * §2.2, a terminal job stays put, its hold is resolved exactly once and as its end state says, and
 * the ledger accepts every request the job asks for.
 */
class JobProperties {

  /** The edges of the diagram in DESIGN §2.2, plus re-claims of a polled or delivering job. */
  private static final Map<JobState, Set<JobState>> EDGES = new EnumMap<>(Map.of(
      JobState.QUEUED, EnumSet.of(JobState.RUNNING, JobState.CANCELLED, JobState.EXPIRED),
      JobState.RUNNING, EnumSet.of(JobState.AWAITING_PROVIDER, JobState.DELIVERING, JobState.QUEUED,
          JobState.FAILED, JobState.CANCELLED, JobState.EXPIRED),
      JobState.AWAITING_PROVIDER, EnumSet.of(JobState.AWAITING_PROVIDER, JobState.DELIVERING, JobState.QUEUED,
          JobState.FAILED, JobState.CANCELLED, JobState.EXPIRED),
      JobState.DELIVERING, EnumSet.of(JobState.DELIVERING, JobState.SUCCEEDED),
      JobState.SUCCEEDED, EnumSet.noneOf(JobState.class),
      JobState.FAILED, EnumSet.noneOf(JobState.class),
      JobState.CANCELLED, EnumSet.noneOf(JobState.class),
      JobState.EXPIRED, EnumSet.noneOf(JobState.class)));

  /** The hold action that must have resolved the hold of a job in each state; empty: not yet resolved. */
  private static final Map<JobState, Optional<HoldAction>> RESOLUTION = new EnumMap<>(Map.of(
      JobState.QUEUED, Optional.empty(),
      JobState.RUNNING, Optional.empty(),
      JobState.AWAITING_PROVIDER, Optional.empty(),
      JobState.DELIVERING, Optional.of(HoldAction.CAPTURE),
      JobState.SUCCEEDED, Optional.of(HoldAction.CAPTURE),
      JobState.FAILED, Optional.of(HoldAction.RELEASE_FAILED),
      JobState.CANCELLED, Optional.of(HoldAction.RELEASE_CANCELLED),
      JobState.EXPIRED, Optional.of(HoldAction.RELEASE_EXPIRED)));

  private static final WorkerId FORGER = new WorkerId("forger");

  enum Event { CLAIM, SUBMITTED, STILL_RUNNING, RESULT_READY, DELIVERED, ATTEMPT_FAILED, CANCEL, EXPIRE, LEASE_EXPIRED }

  /**
   * One thing that happens to the job, {@code advanceMillis} after the previous one. {@code leasePick}
   * (0–99) chooses the lease a worker calls with: below 70 the current one, below 90 an earlier one
   * ({@code staleIndex}), else a forged one; its parity also picks the worker and whether the key is known.
   */
  record Step(Event event, long advanceMillis, int leasePick, int staleIndex, FailureClass failureClass,
      int progress, long pollDelayMillis, CancelledBy by) {}

  @Property(tries = 1000)
  void givenRandomHistory_jobMovesOnlyAlongDesignEdgesAndResolvesHoldExactlyOnce(
      @ForAll("histories") List<Step> steps,
      @ForAll("policies") RetryPolicy policy,
      @ForAll("deadlines") Duration deadlineAfter,
      @ForAll("prices") Credits price,
      @ForAll long seed) {
    RandomGenerator random = new SplittableRandom(seed);
    ReferenceLedger ledger = new ReferenceLedger();
    TransferId holdId = fundAndHold(ledger, JobFixtures.JOB_ID, USER_ID, price,
        T0.plus(deadlineAfter).plus(Duration.ofDays(7)), T0);
    Job job = aJob().price(price).holdId(holdId).deadlineAfter(deadlineAfter).queue();
    List<Lease> issued = new ArrayList<>();
    List<HoldAction> resolutions = new ArrayList<>();
    int retryingNotices = 0;
    Instant now = T0;

    for (Step step : steps) {
      now = now.plusMillis(step.advanceMillis());
      Job before = job;
      Lease lease = chooseLease(step, job, issued, now);
      boolean current = job.lease().equals(Optional.of(lease));
      boolean allowed = isAllowed(step, job, current, now);

      JobChange change;
      try {
        change = apply(step, job, lease, policy, now, random);
      } catch (IllegalJobTransitionException | IllegalArgumentException refused) {
        assertThat(allowed).as("%s refused in %s (current lease: %s): %s", step.event(), job.state(), current,
            refused.getMessage()).isFalse();
        assertThat(job).isSameAs(before);
        Statistics.label("refused because").collect(whyRefused(step, before, current));
        continue;
      }
      assertThat(allowed).as("%s accepted in %s (current lease: %s)", step.event(), before.state(), current)
          .isTrue();
      job = change.job();
      if (step.event() == Event.RESULT_READY) {
        // A result is captured only before the deadline; a later one expires the job.
        assertThat(job.state()).isEqualTo(now.isBefore(before.deadline()) ? JobState.DELIVERING : JobState.EXPIRED);
      }

      assertThat(EDGES.get(before.state())).as("edge %s -> %s by %s", before.state(), job.state(), step.event())
          .contains(job.state());
      assertThat(job.fence()).as("fence").isGreaterThanOrEqualTo(before.fence());
      if (takesJobFromItsWorker(step.event())) {
        assertThat(job.fence()).as("fence after %s", step.event()).isGreaterThan(before.fence());
      }
      assertThat(job.attempts()).isBetween(before.attempts(), policy.maxAttempts());
      if (before.state() == JobState.AWAITING_PROVIDER && job.state() == JobState.AWAITING_PROVIDER) {
        assertThat(job.progress()).isGreaterThanOrEqualTo(before.progress());
      }
      job.lease().filter(l -> !issued.contains(l)).ifPresent(issued::add);

      if (change.holdAction().resolvesHold()) {
        resolutions.add(change.holdAction());
      }
      assertThat(resolutions).as("hold resolutions").hasSizeLessThanOrEqualTo(1);
      assertThat(resolutions.stream().findFirst()).as("resolution in %s", job.state())
          .isEqualTo(RESOLUTION.get(job.state()));
      assertNotice(change, before);
      if (change.notice() == JobNotice.RETRYING) {
        retryingNotices++;
      }
      assertThat(retryingNotices).as("\"retrying automatically\" notices").isLessThanOrEqualTo(1);
      change.keyReport().ifPresent(report -> {
        assertThat(step.event()).isEqualTo(Event.ATTEMPT_FAILED);
        assertThat(report.effect()).isNotEqualTo(KeyEffect.NONE).isEqualTo(step.failureClass().keyEffect());
      });

      Optional<TransferRequest> request = change.ledgerRequest();
      assertThat(request.isPresent()).isEqualTo(change.holdAction().resolvesHold());
      if (request.isPresent()) {
        TransferResult result = ledger.apply(request.get(), now);
        assertThat(result).as("ledger result of %s", request.get()).isInstanceOf(TransferResult.Recorded.class);
      }
      assertLedgerAgrees(ledger, job, price);
    }

    assertThat(ledger.audit()).isEmpty();
    assertLedgerAgrees(ledger, job, price);
    if (job.state().isTerminal()) {
      assertThat(resolutions).hasSize(1);
    }
    Statistics.label("final state").collect(job.state());
    Statistics.label("final state").coverage(checker -> {
      for (JobState state : JobState.values()) {
        checker.check(state).percentage(p -> p >= 1.0);
      }
      checker.check(JobState.SUCCEEDED).percentage(p -> p >= 5.0);
    });
  }

  @Property(tries = 1000)
  void givenAnyNewJobAndPolicy_repeatedFailures_retryWithinJitterBeforeDeadlineThenFail(
      @ForAll("newJobs") Job queued,
      @ForAll("policies") RetryPolicy policy,
      @ForAll("failureClassLists") List<FailureClass> failures,
      @ForAll long seed) {
    RandomGenerator random = new SplittableRandom(seed);
    Job job = queued;
    int round = 0;

    while (job.state() == JobState.QUEUED) {
      Instant claimedAt = job.nextAttemptAt().orElseThrow();
      Job running = job.claim(WORKER, claimedAt, LEASE_DURATION).job();
      FailureClass failureClass = failures.get(round++ % failures.size());
      Instant failedAt = claimedAt.plusSeconds(1);
      JobChange change = running.attemptFailed(running.lease().orElseThrow(), Failure.of(failureClass, "x"),
          Optional.of(KEY), policy, failedAt, random);
      job = change.job();

      if (job.state() == JobState.QUEUED) {
        assertThat(policy.isRetryable(failureClass)).isTrue();
        assertThat(running.attempts()).isLessThan(policy.maxAttempts());
        long base = policy.baseDelay(failureClass, running.attempts()).toMillis();
        long delay = Duration.between(failedAt, job.nextAttemptAt().orElseThrow()).toMillis();
        assertThat(delay).isBetween((long) Math.floor(base * (1 - policy.jitter())) - 1,
            (long) Math.ceil(base * (1 + policy.jitter())) + 1);
        assertThat(job.nextAttemptAt().orElseThrow()).isBefore(job.deadline());
        Statistics.label("outcome").collect("retried");
      } else {
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(change.holdAction()).isEqualTo(HoldAction.RELEASE_FAILED);
        boolean pastDeadline = policy.isRetryable(failureClass) && running.attempts() < policy.maxAttempts();
        if (pastDeadline) {
          // Only a retry that could not start before the deadline is given up early.
          long longest = (long) Math.ceil(policy.baseDelay(failureClass, running.attempts()).toMillis()
              * (1 + policy.jitter())) + 1;
          assertThat(failedAt.plusMillis(longest)).isAfterOrEqualTo(job.deadline());
        }
        Statistics.label("outcome").collect(!policy.isRetryable(failureClass) ? "not retryable"
            : pastDeadline ? "past deadline" : "attempts exhausted");
      }
      assertThat(job.attempts()).isLessThanOrEqualTo(policy.maxAttempts());
    }
    assertThat(round).isLessThanOrEqualTo(policy.maxAttempts());
  }

  private static Lease chooseLease(Step step, Job job, List<Lease> issued, Instant now) {
    if (step.leasePick() < 70 && job.lease().isPresent()) {
      return job.lease().get();
    }
    if (step.leasePick() < 90 && !issued.isEmpty()) {
      return issued.get(step.staleIndex() % issued.size());
    }
    // A worker that never held the job, naming the current fence or the next one.
    long fence = Math.max(1, job.fence() + (step.leasePick() % 2));
    return new Lease(FORGER, fence, job.lease().map(Lease::expiresAt).orElse(now.plus(LEASE_DURATION)));
  }

  /** Whether the domain must accept the step; the oracle written from DESIGN §2.2. */
  private static boolean isAllowed(Step step, Job job, boolean currentLease, Instant now) {
    JobState state = job.state();
    boolean pollInFuture = step.pollDelayMillis() >= 0;
    return switch (step.event()) {
      case CLAIM -> switch (state) {
        case QUEUED -> !now.isBefore(job.nextAttemptAt().orElseThrow()) && now.isBefore(job.deadline());
        case AWAITING_PROVIDER -> job.lease().map(l -> l.isExpiredAt(now)).orElse(true)
            && !now.isBefore(job.nextPollAt().orElseThrow()) && now.isBefore(job.deadline());
        case DELIVERING -> job.lease().map(l -> l.isExpiredAt(now)).orElse(true);
        default -> false;
      };
      case SUBMITTED -> currentLease && state == JobState.RUNNING && pollInFuture;
      case STILL_RUNNING -> currentLease && state == JobState.AWAITING_PROVIDER && pollInFuture;
      case RESULT_READY, ATTEMPT_FAILED -> currentLease
          && (state == JobState.RUNNING || state == JobState.AWAITING_PROVIDER);
      case DELIVERED -> currentLease && state == JobState.DELIVERING;
      case CANCEL -> state.isCancellable();
      case EXPIRE -> state.isCancellable() && !now.isBefore(job.deadline());
      case LEASE_EXPIRED -> job.lease().map(l -> l.isExpiredAt(now)).orElse(false);
    };
  }

  private static JobChange apply(Step step, Job job, Lease lease, RetryPolicy policy, Instant now,
      RandomGenerator random) {
    Instant pollAt = now.plusMillis(step.pollDelayMillis());
    return switch (step.event()) {
      case CLAIM -> job.claim(step.leasePick() % 2 == 0 ? WORKER : OTHER_WORKER, now, LEASE_DURATION);
      case SUBMITTED -> job.submitted(lease, TASK, Progress.of(step.progress()), pollAt, now);
      case STILL_RUNNING -> job.stillRunning(lease, Progress.of(step.progress()), pollAt, now);
      case RESULT_READY -> job.resultReady(lease, RESULT, now);
      case DELIVERED -> job.delivered(lease, now);
      case ATTEMPT_FAILED -> job.attemptFailed(lease, Failure.of(step.failureClass(), "failure " + step.progress()),
          step.leasePick() % 2 == 0 ? Optional.of(KEY) : Optional.empty(), policy, now, random);
      case CANCEL -> job.cancel(step.by(), now);
      case EXPIRE -> job.expire(now);
      case LEASE_EXPIRED -> job.leaseExpired(now, policy, random);
    };
  }

  private static boolean takesJobFromItsWorker(Event event) {
    return event == Event.CLAIM || event == Event.CANCEL || event == Event.EXPIRE || event == Event.LEASE_EXPIRED
        || event == Event.ATTEMPT_FAILED;
  }

  /** The notice follows the move: said once, on the move into the state it announces. */
  private static void assertNotice(JobChange change, Job before) {
    JobState after = change.job().state();
    boolean entered = before.state() != after;
    assertThat(change.notice() == JobNotice.RESULT_READY).isEqualTo(entered && after == JobState.DELIVERING);
    assertThat(change.notice() == JobNotice.FAILED).isEqualTo(entered && after == JobState.FAILED);
    assertThat(change.notice() == JobNotice.CANCELLED).isEqualTo(entered && after == JobState.CANCELLED);
    assertThat(change.notice() == JobNotice.EXPIRED).isEqualTo(entered && after == JobState.EXPIRED);
    if (change.notice() == JobNotice.RETRYING) {
      assertThat(after).isEqualTo(JobState.QUEUED);
    }
  }

  /** The user's credits are held while the job may still run, spent once it has a result, returned otherwise. */
  private static void assertLedgerAgrees(ReferenceLedger ledger, Job job, Credits price) {
    UserBalance balance = ledger.balanceOf(USER_ID);
    Optional<HoldAction> resolution = RESOLUTION.get(job.state());
    if (resolution.isEmpty()) {
      assertThat(balance).isEqualTo(new UserBalance(price, price, Credits.ZERO));
    } else if (resolution.get() == HoldAction.CAPTURE) {
      assertThat(balance).isEqualTo(UserBalance.ZERO);
    } else {
      assertThat(balance).isEqualTo(new UserBalance(price, Credits.ZERO, price));
    }
    assertThat(ledger.audit()).isEmpty();
  }

  private static String whyRefused(Step step, Job job, boolean currentLease) {
    if (job.state().isTerminal()) {
      return "terminal";
    }
    boolean needsLease = switch (step.event()) {
      case SUBMITTED, STILL_RUNNING, RESULT_READY, DELIVERED, ATTEMPT_FAILED -> true;
      default -> false;
    };
    return needsLease && !currentLease ? "stale or forged lease" : "state or time";
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Event> events = Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.just(Event.CLAIM)),
        Tuple.of(10, Arbitraries.just(Event.SUBMITTED)),
        Tuple.of(8, Arbitraries.just(Event.STILL_RUNNING)),
        Tuple.of(8, Arbitraries.just(Event.RESULT_READY)),
        Tuple.of(10, Arbitraries.just(Event.DELIVERED)),
        Tuple.of(10, Arbitraries.just(Event.ATTEMPT_FAILED)),
        Tuple.of(2, Arbitraries.just(Event.CANCEL)),
        Tuple.of(4, Arbitraries.just(Event.EXPIRE)),
        Tuple.of(8, Arbitraries.just(Event.LEASE_EXPIRED)));
    // Mostly seconds; often past a two-minute lease; sometimes past the deadline.
    Arbitrary<Long> advances = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.just(0L)),
        Tuple.of(40, Arbitraries.longs().between(1, 10_000)),
        Tuple.of(30, Arbitraries.longs().between(10_000, 180_000)),
        Tuple.of(15, Arbitraries.longs().between(180_000, 900_000)),
        Tuple.of(5, Arbitraries.longs().between(900_000, 2_400_000)));
    Arbitrary<Long> pollDelays = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.longs().between(-5_000, -1)),
        Tuple.of(9, Arbitraries.longs().between(0, 60_000)));
    Arbitrary<Step> steps = Combinators.combine(events, advances, Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(0, 1_000), JobFixtures.Generate.failureClasses(),
            JobFixtures.Generate.progresses().map(Progress::percent), pollDelays, JobFixtures.Generate.cancellers())
        .as(Step::new);
    return steps.list().ofMinSize(1).ofMaxSize(40);
  }

  @Provide
  Arbitrary<Job> newJobs() {
    return JobFixtures.Generate.queuedJobs();
  }

  /** Mostly retryable classes, so that retries run until attempts or the deadline run out. */
  @Provide
  Arbitrary<List<FailureClass>> failureClassLists() {
    Arbitrary<FailureClass> classes = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(FailureClass.RATE_LIMIT)),
        Tuple.of(4, Arbitraries.just(FailureClass.TEMPORARY)),
        Tuple.of(1, JobFixtures.Generate.failureClasses()));
    return classes.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<RetryPolicy> policies() {
    return JobFixtures.Generate.retryPolicies();
  }

  @Provide
  Arbitrary<Duration> deadlines() {
    return Arbitraries.integers().between(5, 60).map(Duration::ofMinutes);
  }

  @Provide
  Arbitrary<Credits> prices() {
    return JobFixtures.Generate.prices();
  }
}
