package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.ACCOUNTS;
import static dev.rei.adapters.persistence.postgres.jooq.Tables.PENDING_HOLDS;
import static dev.rei.adapters.persistence.postgres.jooq.Tables.TRANSFERS;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.TransfersRecord;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.domain.ledger.AccountBalance;
import dev.rei.domain.ledger.AccountId;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Hold;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.LedgerRules;
import dev.rei.domain.ledger.LedgerView;
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
 * accounts are locked (in code order, so two requests never deadlock) and its key is locked with
 * a transaction-scoped advisory lock, so racing requests with one key see each other's outcome.
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
      Map<AccountId, AccountBalance> locked = lockAccounts(dsl, accountsOf(dsl, request));
      TransferResult result = LedgerRules.decide(request, view(dsl, locked), newId, now);
      if (result instanceof TransferResult.Recorded recorded) {
        TransfersRecord row = dsl.newRecord(TRANSFERS);
        TransferMapper.fill(row, recorded.transfer());
        row.insert();
        store(dsl, recorded.debitAfter());
        store(dsl, recorded.creditAfter());
      }
      return result;
    });
  }

  /** The accounts a request touches; for a capture or release, those of its hold (none if there is no hold). */
  private static Set<AccountId> accountsOf(DSLContext dsl, TransferRequest request) {
    Set<AccountId> accounts = new java.util.HashSet<>();
    if (request instanceof TransferRequest.Post post) {
      accounts.add(post.debit());
      accounts.add(post.credit());
    } else if (request instanceof TransferRequest.Hold hold) {
      accounts.add(hold.debit());
      accounts.add(hold.credit());
    } else {
      TransferId holdId = request instanceof TransferRequest.Capture capture
          ? capture.holdId()
          : ((TransferRequest.Release) request).holdId();
      find(dsl, holdId).ifPresent(hold -> {
        accounts.add(hold.debit());
        accounts.add(hold.credit());
      });
    }
    return accounts;
  }

  private static Map<AccountId, AccountBalance> lockAccounts(DSLContext dsl, Set<AccountId> accounts) {
    Set<String> codes = new TreeSet<>();
    accounts.forEach(account -> codes.add(account.code()));
    Map<AccountId, AccountBalance> locked = new java.util.HashMap<>();
    dsl.selectFrom(ACCOUNTS).where(ACCOUNTS.CODE.in(codes)).orderBy(ACCOUNTS.CODE).forUpdate().fetch()
        .forEach(row -> locked.put(AccountId.parse(row.getCode()), TransferMapper.toBalance(row)));
    return locked;
  }

  private static LedgerView view(DSLContext dsl, Map<AccountId, AccountBalance> locked) {
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
        return find(dsl, id);
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

  private static void store(DSLContext dsl, AccountBalance balance) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.DEBITS_POSTED, balance.debitsPosted().value())
        .set(ACCOUNTS.CREDITS_POSTED, balance.creditsPosted().value())
        .set(ACCOUNTS.DEBITS_PENDING, balance.debitsPending().value())
        .set(ACCOUNTS.CREDITS_PENDING, balance.creditsPending().value())
        .where(ACCOUNTS.CODE.eq(balance.account().code()))
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
    return db.query(dsl -> dsl.selectFrom(ACCOUNTS).orderBy(ACCOUNTS.CODE).fetch(TransferMapper::toBalance));
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
}
