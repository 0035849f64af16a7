package dev.rei.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.LedgerAudit;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.ReleaseReason;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.User;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * 32 threads apply random top-ups, holds, captures and releases for five users with small
 * balances, some reusing each other's keys: afterwards every invariant holds in the database.
 */
class PostgresLedgerConcurrencyTest {

  private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

  @Test
  void givenThirtyTwoThreads_randomRequests_leaveASoundLedger() throws Exception {
    TestDatabases.Credentials credentials = TestDatabases.fresh();
    try (PostgresDatabase database = PostgresDatabase.open(credentials.url(), credentials.user(),
        credentials.password(), 16)) {
      List<UserId> users = List.of(UserId.of(1), UserId.of(2), UserId.of(3), UserId.of(4), UserId.of(5));
      for (UserId user : users) {
        database.users().insertIfAbsent(User.register(user, Language.RU, T0));
        database.ledger().openAccount(user);
      }
      ExecutorService pool = Executors.newFixedThreadPool(32);
      List<Future<?>> work = new ArrayList<>();
      for (int thread = 0; thread < 32; thread++) {
        work.add(pool.submit(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          for (int i = 0; i < 60; i++) {
            UserId user = users.get(random.nextInt(users.size()));
            TransferRequest request = switch (random.nextInt(4)) {
              case 0 -> new TransferRequest.Post(IdempotencyKey.of("top", random.nextInt(200)), SystemAccount.SALES,
                  AccountId.user(user), Credits.of(1 + random.nextInt(5)), TransferKind.TOP_UP,
                  TransferMemo.of(ReferenceType.PAYMENT, "p"));
              case 1 -> new TransferRequest.Hold(IdempotencyKey.of("hold", random.nextInt(400)), AccountId.user(user),
                  SystemAccount.REVENUE, Credits.of(1 + random.nextInt(4)), TransferKind.SPEND,
                  TransferMemo.of(ReferenceType.JOB, "j"), Optional.empty());
              default -> resolveSomeHold(database, random);
            };
            if (request != null) {
              database.unitOfWork().inTransaction(
                  () -> database.ledger().apply(request, TransferId.of(UUID.randomUUID()), T0));
            }
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get();
      }
      pool.shutdown();

      List<AccountBalance> balances = database.ledger().balances();
      List<Transfer> transfers = database.ledger().transfers();
      assertThat(LedgerAudit.check(balances, transfers)).isEmpty();
      assertThat(balances).filteredOn(b -> b.account().mustStayNonNegative())
          .allSatisfy(b -> assertThat(b.available()).isNotNegative());
      assertThat(transfers).extracting(Transfer::type).contains(TransferType.HOLD, TransferType.CAPTURE,
          TransferType.RELEASE);
    }
  }

  private static TransferRequest resolveSomeHold(PostgresDatabase database, ThreadLocalRandom random) {
    List<Transfer> holds = database.ledger().transfers().stream().filter(t -> t.type() == TransferType.HOLD).toList();
    if (holds.isEmpty()) {
      return null;
    }
    Transfer hold = holds.get(random.nextInt(holds.size()));
    return random.nextBoolean()
        ? new TransferRequest.Capture(IdempotencyKey.of("capture", hold.id()), hold.id(),
            Credits.of(random.nextLong(hold.amount().value() + 1)))
        : new TransferRequest.Release(IdempotencyKey.of("release", hold.id()), hold.id(), ReleaseReason.FAILED);
  }
}
