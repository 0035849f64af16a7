package dev.rei.domain.ledger;

import static dev.rei.domain.fixtures.LedgerFixtures.T0;
import static dev.rei.domain.fixtures.LedgerFixtures.copyOf;
import static dev.rei.domain.fixtures.LedgerFixtures.transferId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.domain.fixtures.LedgerFixtures;
import dev.rei.domain.fixtures.LedgerFixtures.Op;
import dev.rei.domain.fixtures.LedgerFixtures.Scenario;
import dev.rei.domain.fixtures.LedgerFixtures.Session;
import dev.rei.domain.ledger.LedgerViolation.Invariant;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random runs of ledger operations against {@link ReferenceLedger}. After every step the ledger's
 * invariants are checked directly, and its figures and every decision are compared with a simple
 * model kept by the test from the results it saw.
 */
class LedgerProperties {

  private static final int MAX_OPS = 60;

  @Provide
  Arbitrary<Scenario> scenarios() {
    return LedgerFixtures.Generators.scenarios(MAX_OPS);
  }

  @Property(tries = 1000)
  @StatisticsReport(onFailureOnly = true)
  void randomOperations_keepEveryInvariant_andAgreeWithTheModel(@ForAll("scenarios") Scenario scenario) {
    Run run = new Run(scenario);

    for (Op op : scenario.ops()) {
      run.step(op);
    }

    // The generator must reach every decision, or the checks above prove little.
    Statistics.label("outcome").coverage(coverage -> {
      for (TransferRefusal refusal : TransferRefusal.values()) {
        coverage.check("refused " + refusal).count(n -> n >= 20);
      }
      for (TransferType type : TransferType.values()) {
        coverage.check("recorded " + type).count(n -> n >= 100);
      }
      coverage.check("replayed").count(n -> n >= 100);
    });
  }

  @Property(tries = 1000)
  @StatisticsReport(onFailureOnly = true)
  void everyRequestSentAgain_afterARandomRun_isReplayedOrRefusedAsReused(@ForAll("scenarios") Scenario scenario) {
    Run run = new Run(scenario);
    scenario.ops().forEach(run::step);
    Snapshot before = Snapshot.of(run.ledger);

    for (TransferRequest request : run.session.sentRequests()) {
      Optional<Transfer> first = run.ledger.transferByKey(request.key());
      if (first.isEmpty()) {
        continue; // Never recorded: sending it again would be a new request.
      }
      TransferResult again = run.ledger.apply(request, run.session.now().plusSeconds(3600));
      TransferResult expected = request.equals(run.model.requestByKey.get(request.key()))
          ? new TransferResult.Replayed(first.get())
          : new TransferResult.Refused(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      assertThat(again).as("%s sent again", request).isEqualTo(expected);
    }

    assertThat(Snapshot.of(run.ledger)).isEqualTo(before);
  }

  /** Ways to corrupt a sound ledger's state, each breaking a known invariant. */
  enum Tampering {
    DROP_A_TRANSFER,
    REPEAT_A_KEY,
    BUMP_A_COUNTER,
    RESOLVE_A_HOLD_AGAIN,
    INFLATE_A_RESOLUTION,
    OVERDRAW_A_USER
  }

  @Property(tries = 1000)
  @StatisticsReport(onFailureOnly = true)
  void tamperingWithARandomLedger_isCaughtByTheAudit(
      @ForAll("scenarios") Scenario scenario, @ForAll Tampering tampering, @ForAll @IntRange(max = 10_000) int pick) {
    Run run = new Run(scenario);
    scenario.ops().forEach(run::step);
    List<Transfer> transfers = new ArrayList<>(run.ledger.transfers());
    List<AccountBalance> balances = new ArrayList<>(run.ledger.balances());
    List<Transfer> resolutions = transfers.stream().filter(t -> t.type().resolvesHold()).toList();
    Assume.that(!transfers.isEmpty());
    Assume.that(!resolutions.isEmpty()
        || (tampering != Tampering.RESOLVE_A_HOLD_AGAIN && tampering != Tampering.INFLATE_A_RESOLUTION));
    TransferId freshId = transferId(1_000_000);

    Invariant expected = switch (tampering) {
      case DROP_A_TRANSFER -> {
        Transfer dropped = transfers.remove(pick % transfers.size());
        // Without a hold, its resolution names nothing; without anything else, the counters are off.
        yield dropped.type() == TransferType.HOLD && run.ledger.resolutionOf(dropped.id()).isPresent()
            ? Invariant.RESOLUTION_NAMES_A_HOLD
            : Invariant.COUNTERS_MATCH_ENTRIES;
      }
      case REPEAT_A_KEY -> {
        transfers.add(copyOf(transfers.get(pick % transfers.size())).id(freshId).build());
        yield Invariant.KEYS_UNIQUE;
      }
      case BUMP_A_COUNTER -> {
        int index = pick % balances.size();
        AccountBalance b = balances.get(index);
        balances.set(index, new AccountBalance(b.account(), b.debitsPosted(), b.creditsPosted(),
            b.debitsPending().plus(Credits.of(1)), b.creditsPending()));
        yield Invariant.COUNTERS_MATCH_ENTRIES;
      }
      case RESOLVE_A_HOLD_AGAIN -> {
        transfers.add(copyOf(resolutions.get(pick % resolutions.size())).as(1_000_000, "tampered").build());
        yield Invariant.HOLD_RESOLVED_AT_MOST_ONCE;
      }
      case INFLATE_A_RESOLUTION -> {
        Transfer resolution = resolutions.get(pick % resolutions.size());
        Credits held = run.ledger.transfer(resolution.pendingId().orElseThrow()).orElseThrow().amount();
        transfers.set(transfers.indexOf(resolution), copyOf(resolution).amount(held.value() + 1).build());
        yield Invariant.CAPTURE_WITHIN_HOLD;
      }
      case OVERDRAW_A_USER -> {
        // A hold of one credit more than available, with counters that agree with it.
        UserId user = scenario.userIds().get(pick % scenario.users());
        AccountBalance before = run.ledger.balance(AccountId.user(user));
        Transfer overdraft = Transfer.recordHold(freshId,
            LedgerFixtures.spendHold(IdempotencyKey.of("tampered"), user, before.available() + 1), run.session.now());
        balances.replaceAll(b -> b.account().equals(overdraft.debit()) || b.account().equals(overdraft.credit())
            ? b.apply(overdraft, Credits.ZERO)
            : b);
        transfers.add(overdraft);
        yield Invariant.USER_BALANCE_NON_NEGATIVE;
      }
    };

    assertThat(LedgerAudit.check(balances, transfers)).extracting(LedgerViolation::invariant).contains(expected);
  }

  // ---------------------------------------------------------------- one run

  /** What a refused or replayed request must leave exactly as it was. */
  record Snapshot(List<AccountBalance> balances, int transfers) {
    static Snapshot of(ReferenceLedger ledger) {
      return new Snapshot(ledger.balances(), ledger.transfers().size());
    }
  }

  /** The ledger under test, the session that makes requests, and the model that predicts them. */
  static final class Run {

    final ReferenceLedger ledger = new ReferenceLedger();
    final Session session;
    final Model model;

    Run(Scenario scenario) {
      session = new Session(scenario.userIds(), T0);
      session.openAll(ledger);
      model = new Model(scenario.userIds());
      checkAfterStep("opening");
    }

    void step(Op op) {
      if (op instanceof Op.Tick tick) {
        session.tick(Duration.ofSeconds(tick.seconds()));
      } else if (op instanceof Op.Sweep) {
        List<TransferId> expired = ledger.expiredHolds(session.now()).stream().map(Hold::id).toList();
        assertThat(expired).as("expired holds at %s", session.now()).isEqualTo(model.expiredHolds(session.now()));
        expired.forEach(hold -> send(session.sweepRelease(hold)));
      } else {
        session.requestFor(op).ifPresent(this::send);
      }
      checkAfterStep(op.toString());
    }

    private void send(TransferRequest request) {
      Instant now = session.now();
      Expected expected = model.predict(request, now);
      Snapshot before = Snapshot.of(ledger);

      TransferResult result = ledger.apply(request, now);

      Statistics.label("outcome").collect(outcome(result));
      session.sent(request, result);
      checkFundsRule(request, result);
      if (expected instanceof Expected.Record) {
        assertThat(result).as("%s at %s", request, now).isInstanceOf(TransferResult.Recorded.class);
        Transfer transfer = ((TransferResult.Recorded) result).transfer();
        checkRecordedTransfer(request, transfer, now);
        model.record(request, transfer);
        assertThat(((TransferResult.Recorded) result).debitAfter()).isEqualTo(ledger.balance(transfer.debit()));
        assertThat(((TransferResult.Recorded) result).creditAfter()).isEqualTo(ledger.balance(transfer.credit()));
      } else {
        TransferResult want = expected instanceof Expected.Replay replay
            ? new TransferResult.Replayed(replay.first())
            : new TransferResult.Refused(((Expected.Refuse) expected).reason());
        assertThat(result).as("%s at %s", request, now).isEqualTo(want);
        assertThat(Snapshot.of(ledger)).as("a %s request changes nothing", outcome(result)).isEqualTo(before);
      }
    }

    /** A user-debiting post or hold with a new key is refused for funds exactly when the model is short. */
    private void checkFundsRule(TransferRequest request, TransferResult result) {
      Optional<AccountId> debit = request instanceof TransferRequest.Post post ? Optional.of(post.debit())
          : request instanceof TransferRequest.Hold hold ? Optional.of(hold.debit()) : Optional.empty();
      Optional<Credits> amount = request instanceof TransferRequest.Post post ? Optional.of(post.amount())
          : request instanceof TransferRequest.Hold hold ? Optional.of(hold.amount()) : Optional.empty();
      if (debit.isEmpty() || !(debit.get() instanceof UserAccount user) || !model.isOpened(user)
          || model.requestByKey.containsKey(request.key()) || !model.creditAccountExists(request)
          || result.equals(new TransferResult.Refused(TransferRefusal.HOLD_EXPIRES_IN_THE_PAST))) {
        // The funds rule does not apply; an expiry in the past is judged first and checked by the model.
        return;
      }
      boolean modelIsShort = model.available(user) < amount.orElseThrow().value();
      assertThat(result.equals(new TransferResult.Refused(TransferRefusal.INSUFFICIENT_FUNDS)))
          .as("%s refused for funds with %d available", request, model.available(user))
          .isEqualTo(modelIsShort);
    }

    private void checkRecordedTransfer(TransferRequest request, Transfer transfer, Instant now) {
      assertThat(transfer.key()).isEqualTo(request.key());
      assertThat(transfer.createdAt()).isEqualTo(now);
      assertThat(request.sameContentAs(transfer)).as("%s records %s", request, transfer).isTrue();
      assertThat(model.knows(transfer.id())).as("fresh id %s", transfer.id()).isFalse();
      if (request instanceof TransferRequest.Release release) {
        assertThat(transfer.amount()).isEqualTo(Credits.of(model.holds.get(release.holdId()).amount));
      }
    }

    private void checkAfterStep(String step) {
      List<AccountBalance> balances = ledger.balances();
      List<Transfer> transfers = ledger.transfers();

      // Double entry: Σ posted = 0 and Σ pending credits = Σ pending debits.
      assertThat(balances.stream().mapToLong(AccountBalance::netPosted).sum()).as("Σ posted after %s", step).isZero();
      assertThat(balances.stream().mapToLong(b -> b.creditsPending().value()).sum())
          .as("Σ pending after %s", step)
          .isEqualTo(balances.stream().mapToLong(b -> b.debitsPending().value()).sum());
      // User floors.
      for (AccountBalance balance : balances) {
        if (balance.account() instanceof UserAccount) {
          assertThat(balance.netPosted()).as("posted of %s after %s", balance.account(), step).isNotNegative();
          assertThat(balance.available()).as("available of %s after %s", balance.account(), step).isNotNegative();
        }
      }
      // Holds resolved at most once, within their amount, by transfers that name a hold.
      Map<TransferId, Integer> resolutions = new HashMap<>();
      for (Transfer transfer : transfers) {
        transfer.pendingId().ifPresent(holdId -> {
          Transfer hold = ledger.transfer(holdId).orElseThrow();
          assertThat(hold.type()).isEqualTo(TransferType.HOLD);
          assertThat(transfer.amount()).as("%s of %s", transfer.type(), hold).isLessThanOrEqualTo(hold.amount());
          resolutions.merge(holdId, 1, Integer::sum);
        });
      }
      assertThat(resolutions.values()).as("resolutions per hold after %s", step).allMatch(n -> n == 1);
      assertThat(ledger.audit()).as("audit after %s", step).isEmpty();
      model.checkAgainst(ledger, session.now(), step);
    }

    private static String outcome(TransferResult result) {
      if (result instanceof TransferResult.Recorded recorded) {
        return "recorded " + recorded.transfer().type();
      }
      if (result instanceof TransferResult.Replayed) {
        return "replayed";
      }
      return "refused " + ((TransferResult.Refused) result).reason();
    }
  }

  // ---------------------------------------------------------------- the model

  /** What the model expects of a request. */
  sealed interface Expected {
    record Record() implements Expected {}

    record Replay(Transfer first) implements Expected {}

    record Refuse(TransferRefusal reason) implements Expected {}
  }

  /**
   * The ledger as plain numbers per account, updated only from recorded results, with the rules
   * written out again in the simplest form; it never calls the code under test.
   */
  static final class Model {

    private final Set<AccountId> opened = new HashSet<>();
    private final Map<AccountId, Long> posted = new HashMap<>();
    private final Map<AccountId, Long> debitsPending = new HashMap<>();
    private final Map<AccountId, Long> creditsPending = new HashMap<>();
    final Map<IdempotencyKey, TransferRequest> requestByKey = new HashMap<>();
    private final Map<IdempotencyKey, Transfer> transferByKey = new HashMap<>();
    final Map<TransferId, ModelHold> holds = new LinkedHashMap<>();
    private final Set<TransferId> otherTransfers = new HashSet<>();
    private final List<UserId> users;

    Model(List<UserId> users) {
      this.users = users;
      users.forEach(user -> opened.add(AccountId.user(user)));
    }

    static final class ModelHold {
      final AccountId debit;
      final AccountId credit;
      final long amount;
      final Optional<Instant> expiresAt;
      Hold.Status status = Hold.Status.PENDING;

      ModelHold(AccountId debit, AccountId credit, long amount, Optional<Instant> expiresAt) {
        this.debit = debit;
        this.credit = credit;
        this.amount = amount;
        this.expiresAt = expiresAt;
      }

      boolean expiredAt(Instant now) {
        return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
      }
    }

    boolean isOpened(AccountId account) {
      return opened.contains(account);
    }

    boolean knows(TransferId id) {
      return holds.containsKey(id) || otherTransfers.contains(id);
    }

    private boolean exists(AccountId account) {
      return account instanceof SystemAccount || opened.contains(account);
    }

    boolean creditAccountExists(TransferRequest request) {
      if (request instanceof TransferRequest.Post post) {
        return exists(post.credit());
      }
      return request instanceof TransferRequest.Hold hold && exists(hold.credit());
    }

    long available(AccountId account) {
      return posted.getOrDefault(account, 0L) - debitsPending.getOrDefault(account, 0L);
    }

    Expected predict(TransferRequest request, Instant now) {
      TransferRequest earlier = requestByKey.get(request.key());
      if (earlier != null) {
        return earlier.equals(request)
            ? new Expected.Replay(transferByKey.get(request.key()))
            : new Expected.Refuse(TransferRefusal.IDEMPOTENCY_KEY_REUSED);
      }
      if (request instanceof TransferRequest.Post post) {
        return movement(post.debit(), post.credit(), post.amount().value());
      }
      if (request instanceof TransferRequest.Hold hold) {
        if (hold.expiresAt().isPresent() && !now.isBefore(hold.expiresAt().get())) {
          return new Expected.Refuse(TransferRefusal.HOLD_EXPIRES_IN_THE_PAST);
        }
        return movement(hold.debit(), hold.credit(), hold.amount().value());
      }
      TransferId holdId = request instanceof TransferRequest.Capture capture
          ? capture.holdId()
          : ((TransferRequest.Release) request).holdId();
      ModelHold hold = holds.get(holdId);
      if (hold == null) {
        return new Expected.Refuse(otherTransfers.contains(holdId)
            ? TransferRefusal.NOT_A_HOLD
            : TransferRefusal.HOLD_NOT_FOUND);
      }
      if (hold.status == Hold.Status.CAPTURED) {
        return new Expected.Refuse(TransferRefusal.HOLD_ALREADY_CAPTURED);
      }
      if (hold.status == Hold.Status.RELEASED) {
        return new Expected.Refuse(TransferRefusal.HOLD_ALREADY_RELEASED);
      }
      if (request instanceof TransferRequest.Capture capture) {
        if (hold.expiredAt(now)) {
          return new Expected.Refuse(TransferRefusal.HOLD_EXPIRED);
        }
        if (capture.amount().value() > hold.amount) {
          return new Expected.Refuse(TransferRefusal.CAPTURE_EXCEEDS_HOLD);
        }
      }
      return new Expected.Record();
    }

    private Expected movement(AccountId debit, AccountId credit, long amount) {
      if (!exists(debit) || !exists(credit)) {
        return new Expected.Refuse(TransferRefusal.ACCOUNT_NOT_FOUND);
      }
      if (debit instanceof UserAccount && available(debit) < amount) {
        return new Expected.Refuse(TransferRefusal.INSUFFICIENT_FUNDS);
      }
      return new Expected.Record();
    }

    void record(TransferRequest request, Transfer recorded) {
      requestByKey.put(request.key(), request);
      transferByKey.put(request.key(), recorded);
      if (request instanceof TransferRequest.Post post) {
        add(posted, post.debit(), -post.amount().value());
        add(posted, post.credit(), post.amount().value());
        otherTransfers.add(recorded.id());
      } else if (request instanceof TransferRequest.Hold hold) {
        add(debitsPending, hold.debit(), hold.amount().value());
        add(creditsPending, hold.credit(), hold.amount().value());
        holds.put(recorded.id(), new ModelHold(hold.debit(), hold.credit(), hold.amount().value(), hold.expiresAt()));
      } else if (request instanceof TransferRequest.Capture capture) {
        ModelHold hold = holds.get(capture.holdId());
        clearPending(hold);
        add(posted, hold.debit, -capture.amount().value());
        add(posted, hold.credit, capture.amount().value());
        hold.status = Hold.Status.CAPTURED;
        otherTransfers.add(recorded.id());
      } else {
        ModelHold hold = holds.get(((TransferRequest.Release) request).holdId());
        clearPending(hold);
        hold.status = Hold.Status.RELEASED;
        otherTransfers.add(recorded.id());
      }
    }

    private void clearPending(ModelHold hold) {
      add(debitsPending, hold.debit, -hold.amount);
      add(creditsPending, hold.credit, -hold.amount);
    }

    private static void add(Map<AccountId, Long> figures, AccountId account, long delta) {
      figures.merge(account, delta, Long::sum);
    }

    List<TransferId> expiredHolds(Instant now) {
      return holds.entrySet().stream()
          .filter(e -> e.getValue().status == Hold.Status.PENDING && e.getValue().expiredAt(now))
          .map(Map.Entry::getKey)
          .toList();
    }

    void checkAgainst(ReferenceLedger ledger, Instant now, String step) {
      List<AccountId> accounts = new ArrayList<>(List.of(SystemAccount.values()));
      users.forEach(user -> accounts.add(AccountId.user(user)));
      for (AccountId account : accounts) {
        AccountBalance actual = ledger.balance(account);
        assertThat(new long[] {actual.netPosted(), actual.debitsPending().value(), actual.creditsPending().value()})
            .as("posted, pending debits and credits of %s after %s", account, step)
            .containsExactly(posted.getOrDefault(account, 0L), debitsPending.getOrDefault(account, 0L),
                creditsPending.getOrDefault(account, 0L));
      }
      for (UserId user : users) {
        long held = debitsPending.getOrDefault(AccountId.user(user), 0L);
        long userPosted = posted.getOrDefault(AccountId.user(user), 0L);
        assertThat(userPosted - held).as("model's available of %s", user).isNotNegative();
        assertThat(ledger.balanceOf(user)).as("balance of %s after %s", user, step)
            .isEqualTo(new UserBalance(Credits.of(userPosted), Credits.of(held), Credits.of(userPosted - held)));
      }
      assertThat(ledger.account(AccountId.user(LedgerFixtures.STRANGER))).isEmpty();
      assertThat(ledger.transfers()).as("transfers after %s", step).hasSize(transferByKey.size());
      holds.forEach((id, hold) ->
          assertThat(ledger.hold(id).orElseThrow().status()).as("hold %s after %s", id, step).isEqualTo(hold.status));
      assertThat(ledger.expiredHolds(now).stream().map(Hold::id).toList()).isEqualTo(expiredHolds(now));
    }
  }
}
