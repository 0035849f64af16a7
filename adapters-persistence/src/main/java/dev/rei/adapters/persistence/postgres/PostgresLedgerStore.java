package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.ACCOUNTS;
import static dev.rei.adapters.persistence.postgres.jooq.Tables.PENDING_HOLDS;
import static dev.rei.adapters.persistence.postgres.jooq.Tables.SYSTEM_ACCOUNT_STRIPES;
import static dev.rei.adapters.persistence.postgres.jooq.Tables.SYSTEM_ACCOUNT_TOTALS;
import static dev.rei.adapters.persistence.postgres.jooq.Tables.TRANSFERS;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.SystemAccountTotalsRecord;
import dev.rei.adapters.persistence.postgres.jooq.tables.records.TransfersRecord;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Hold;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.LedgerRules;
import dev.rei.domain.ledger.LedgerView;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.ledger.TransferType;
import dev.rei.domain.ledger.UserAccount;
import dev.rei.domain.ledger.UserBalance;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The ledger on PostgreSQL. Each request is decided by the domain's {@link LedgerRules} while its
 * user account is locked and its key is locked with a transaction-scoped advisory lock, so racing
 * requests with one key see each other's outcome. System accounts are kept in stripes (migration
 * V4) and changed by increments, so they are no queue every transfer waits in.
 */
public final class PostgresLedgerStore implements LedgerStore {

  private final JooqUnitOfWork db;

  public PostgresLedgerStore(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void openAccount(UserId user) {
    db.query(dsl -> dsl.insertInto(ACCOUNTS)
        .set(ACCOUNTS.CODE, AccountId.user(user).code())
        .set(ACCOUNTS.USER_ID, user.value())
        .onConflictDoNothing()
        .execute());
  }

  @Override
  public TransferResult apply(TransferRequest request, TransferId newId, Instant now) {
    return db.query(dsl -> {
      dsl.select(DSL.field("pg_advisory_xact_lock(hashtextextended({0}, 0))", Object.class, request.key().value()))
          .fetch();
      Optional<Transfer> hold = holdOf(dsl, request);
      Map<AccountId, AccountBalance> before = readAccounts(dsl, accountsOf(request, hold));
      TransferResult result = LedgerRules.decide(request, view(dsl, before, hold), newId, now);
      if (result instanceof TransferResult.Recorded recorded) {
        TransfersRecord row = dsl.newRecord(TRANSFERS);
        TransferMapper.fill(row, recorded.transfer());
        row.insert();
        store(dsl, before, recorded.debitAfter());
        store(dsl, before, recorded.creditAfter());
      }
      return result;
    });
  }

  /** The hold a capture or release resolves, read once (the rules ask for it again). */
  private static Optional<Transfer> holdOf(DSLContext dsl, TransferRequest request) {
    if (request instanceof TransferRequest.Capture capture) {
      return find(dsl, capture.holdId());
    }
    if (request instanceof TransferRequest.Release release) {
      return find(dsl, release.holdId());
    }
    return Optional.empty();
  }

  /** The accounts a request touches; for a capture or release, those of its hold (none if there is no hold). */
  private static Set<AccountId> accountsOf(TransferRequest request, Optional<Transfer> hold) {
    Set<AccountId> accounts = new java.util.HashSet<>();
    if (request instanceof TransferRequest.Post post) {
      accounts.add(post.debit());
      accounts.add(post.credit());
    } else if (request instanceof TransferRequest.Hold newHold) {
      accounts.add(newHold.debit());
      accounts.add(newHold.credit());
    } else {
      hold.ifPresent(h -> {
        accounts.add(h.debit());
        accounts.add(h.credit());
      });
    }
    return accounts;
  }

  /**
   * Locks the user accounts (in code order, so two requests never deadlock) and reads the system
   * ones without a lock: a system account has no floor to check, and its change is written as an
   * increment (see {@link #store}), so a concurrent transfer cannot be lost.
   */
  private static Map<AccountId, AccountBalance> readAccounts(DSLContext dsl, Set<AccountId> accounts) {
    Set<String> users = new TreeSet<>();
    Set<String> systems = new TreeSet<>();
    accounts.forEach(account -> (account instanceof SystemAccount ? systems : users).add(account.code()));
    Map<AccountId, AccountBalance> read = new java.util.HashMap<>();
    // The unlocked read first, so the user's row lock is held for as short a time as possible.
    if (!systems.isEmpty()) {
      dsl.selectFrom(SYSTEM_ACCOUNT_TOTALS).where(SYSTEM_ACCOUNT_TOTALS.CODE.in(systems)).fetch()
          .forEach(row -> read.put(AccountId.parse(row.getCode()), systemBalance(row)));
    }
    if (!users.isEmpty()) {
      dsl.selectFrom(ACCOUNTS).where(ACCOUNTS.CODE.in(users)).orderBy(ACCOUNTS.CODE).forUpdate().fetch()
          .forEach(row -> read.put(AccountId.parse(row.getCode()), TransferMapper.toBalance(row)));
    }
    return read;
  }

  private static AccountBalance systemBalance(SystemAccountTotalsRecord row) {
    return new AccountBalance(AccountId.parse(row.getCode()), Credits.of(row.getDebitsPosted()),
        Credits.of(row.getCreditsPosted()), Credits.of(row.getDebitsPending()), Credits.of(row.getCreditsPending()));
  }

  private static LedgerView view(DSLContext dsl, Map<AccountId, AccountBalance> locked, Optional<Transfer> hold) {
    return new LedgerView() {
      @Override
      public Optional<AccountBalance> account(AccountId account) {
        return Optional.ofNullable(locked.get(account));
      }

      @Override
      public Optional<Transfer> transferByKey(IdempotencyKey key) {
        return dsl.selectFrom(TRANSFERS).where(TRANSFERS.IDEMPOTENCY_KEY.eq(key.value())).fetchOptional()
            .map(TransferMapper::toTransfer);
      }

      @Override
      public Optional<Transfer> transfer(TransferId id) {
        return hold.filter(h -> h.id().equals(id)).or(() -> find(dsl, id));
      }

      @Override
      public Optional<Transfer> resolutionOf(TransferId holdId) {
        return dsl.selectFrom(TRANSFERS).where(TRANSFERS.PENDING_ID.eq(holdId.value())).fetchOptional()
            .map(TransferMapper::toTransfer);
      }
    };
  }

  private static Optional<Transfer> find(DSLContext dsl, TransferId id) {
    return dsl.selectFrom(TRANSFERS).where(TRANSFERS.ID.eq(id.value())).fetchOptional().map(TransferMapper::toTransfer);
  }

  /** Writes a user account's new counters, or adds a system account's change to this connection's stripe. */
  private static void store(DSLContext dsl, Map<AccountId, AccountBalance> before, AccountBalance after) {
    if (after.account() instanceof SystemAccount) {
      AccountBalance was = before.get(after.account());
      int updated = dsl.update(SYSTEM_ACCOUNT_STRIPES)
          .set(SYSTEM_ACCOUNT_STRIPES.DEBITS_POSTED, SYSTEM_ACCOUNT_STRIPES.DEBITS_POSTED
              .plus(after.debitsPosted().value() - was.debitsPosted().value()))
          .set(SYSTEM_ACCOUNT_STRIPES.CREDITS_POSTED, SYSTEM_ACCOUNT_STRIPES.CREDITS_POSTED
              .plus(after.creditsPosted().value() - was.creditsPosted().value()))
          .set(SYSTEM_ACCOUNT_STRIPES.DEBITS_PENDING, SYSTEM_ACCOUNT_STRIPES.DEBITS_PENDING
              .plus(after.debitsPending().value() - was.debitsPending().value()))
          .set(SYSTEM_ACCOUNT_STRIPES.CREDITS_PENDING, SYSTEM_ACCOUNT_STRIPES.CREDITS_PENDING
              .plus(after.creditsPending().value() - was.creditsPending().value()))
          .where(SYSTEM_ACCOUNT_STRIPES.CODE.eq(after.account().code()))
          // Each connection writes its own stripe, so concurrent transfers rarely wait for each other.
          .and(SYSTEM_ACCOUNT_STRIPES.STRIPE.eq(DSL.field("(pg_backend_pid() % 16)::smallint", Short.class)))
          .execute();
      if (updated != 1) {
        throw new IllegalStateException("system account " + after.account() + " has no stripes: add them in a migration");
      }
      return;
    }
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.DEBITS_POSTED, after.debitsPosted().value())
        .set(ACCOUNTS.CREDITS_POSTED, after.creditsPosted().value())
        .set(ACCOUNTS.DEBITS_PENDING, after.debitsPending().value())
        .set(ACCOUNTS.CREDITS_PENDING, after.creditsPending().value())
        .where(ACCOUNTS.CODE.eq(after.account().code()))
        .execute();
  }

  @Override
  public UserBalance balanceOf(UserId user) {
    return db.query(dsl -> dsl.selectFrom(ACCOUNTS).where(ACCOUNTS.CODE.eq(AccountId.user(user).code())).fetchOptional()
        .map(row -> TransferMapper.toBalance(row).userBalance())
        .orElse(UserBalance.ZERO));
  }

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    return db.query(dsl -> find(dsl, id));
  }

  @Override
  public Optional<Hold> hold(TransferId holdId) {
    return db.query(dsl -> find(dsl, holdId)
        .filter(t -> t.type() == TransferType.HOLD)
        .map(t -> new Hold(t, dsl.selectFrom(TRANSFERS).where(TRANSFERS.PENDING_ID.eq(holdId.value())).fetchOptional()
            .map(TransferMapper::toTransfer))));
  }

  @Override
  public List<Transfer> history(UserId user, Instant since, Set<HistoryCategory> categories, int offset, int limit) {
    String code = AccountId.user(user).code();
    // Categories are the domain's reading of a transfer, so they are filtered here rather than in SQL;
    // a user's history over the last weeks is small.
    return db.query(dsl -> dsl.selectFrom(TRANSFERS)
        .where(TRANSFERS.DEBIT_ACCOUNT.eq(code).or(TRANSFERS.CREDIT_ACCOUNT.eq(code)))
        .and(TRANSFERS.CREATED_AT.ge(Times.toDb(since)))
        .orderBy(TRANSFERS.CREATED_AT.desc(), TRANSFERS.SEQ.desc())
        .fetch(TransferMapper::toTransfer)
        .stream()
        .filter(t -> categories.isEmpty() || categories.contains(t.category()))
        .skip(offset)
        .limit(limit)
        .toList());
  }

  /** Reads {@code pending_holds}, which the database keeps to the unresolved holds that can expire. */
  @Override
  public List<Hold> expiredHolds(Instant now, int limit) {
    return db.query(dsl -> dsl.select(TRANSFERS.fields()).from(PENDING_HOLDS)
        .join(TRANSFERS).on(TRANSFERS.ID.eq(PENDING_HOLDS.HOLD_ID))
        .where(PENDING_HOLDS.EXPIRES_AT.le(Times.toDb(now)))
        .orderBy(PENDING_HOLDS.EXPIRES_AT, TRANSFERS.SEQ)
        .limit(limit)
        .fetch(row -> new Hold(TransferMapper.toTransfer(row.into(TRANSFERS)), Optional.empty())));
  }

  @Override
  public List<AccountBalance> balances() {
    return db.query(dsl -> {
      Map<String, AccountBalance> byCode = new java.util.TreeMap<>();
      dsl.selectFrom(ACCOUNTS).where(ACCOUNTS.USER_ID.isNotNull()).fetch()
          .forEach(row -> byCode.put(row.getCode(), TransferMapper.toBalance(row)));
      dsl.selectFrom(SYSTEM_ACCOUNT_TOTALS).fetch().forEach(row -> byCode.put(row.getCode(), systemBalance(row)));
      return List.copyOf(byCode.values());
    });
  }

  @Override
  public List<Transfer> transfers() {
    return db.query(dsl -> dsl.selectFrom(TRANSFERS).orderBy(TRANSFERS.SEQ).fetch(TransferMapper::toTransfer));
  }

  @Override
  public Map<HistoryCategory, Long> totalsSince(Instant since) {
    return db.query(dsl -> {
      Map<HistoryCategory, Long> totals = new EnumMap<>(HistoryCategory.class);
      List<Transfer> recent = new ArrayList<>(dsl.selectFrom(TRANSFERS)
          .where(TRANSFERS.CREATED_AT.ge(Times.toDb(since)))
          .and(TRANSFERS.TYPE.ne(TransferType.HOLD.name()))
          .fetch(TransferMapper::toTransfer));
      for (Transfer t : recent) {
        if (t.debit() instanceof UserAccount || t.credit() instanceof UserAccount) {
          totals.merge(t.category(), t.amount().value(), Long::sum);
        }
      }
      return totals;
    });
  }
  @Override
  public LedgerTotals totals() {
    return db.query(dsl -> {
      Map<SystemAccount, Long> system = new EnumMap<>(SystemAccount.class);
      dsl.selectFrom(SYSTEM_ACCOUNT_TOTALS).fetch().forEach(row -> {
        if (AccountId.parse(row.getCode()) instanceof SystemAccount account) {
          system.put(account, systemBalance(row).netPosted());
        }
      });
      // One pass over the user rows, summed in the database: no account leaves it.
      var users = dsl.select(
              DSL.coalesce(DSL.sum(ACCOUNTS.CREDITS_POSTED.minus(ACCOUNTS.DEBITS_POSTED)), java.math.BigDecimal.ZERO),
              DSL.coalesce(DSL.sum(ACCOUNTS.DEBITS_PENDING), java.math.BigDecimal.ZERO))
          .from(ACCOUNTS).where(ACCOUNTS.USER_ID.isNotNull()).fetchOne();
      return new LedgerTotals(system, users.value1().longValueExact(), users.value2().longValueExact());
    });
  }
}
