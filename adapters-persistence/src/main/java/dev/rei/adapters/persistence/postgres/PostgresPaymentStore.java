package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.PAYMENTS;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.PaymentsRecord;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Payments on PostgreSQL; (rail, provider payment id) is unique in the schema. */
public final class PostgresPaymentStore implements PaymentStore {

  private final JooqUnitOfWork db;

  public PostgresPaymentStore(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void insert(Payment payment) {
    db.query(dsl -> {
      PaymentsRecord row = dsl.newRecord(PAYMENTS);
      PaymentMapper.fill(row, payment);
      return row.insert();
    });
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    return db.query(dsl -> dsl.selectFrom(PAYMENTS).where(PAYMENTS.ID.eq(id.value())).fetchOptional()
        .map(PaymentMapper::toPayment));
  }

  @Override
  public Optional<Payment> lock(PaymentId id) {
    return db.query(dsl -> dsl.selectFrom(PAYMENTS).where(PAYMENTS.ID.eq(id.value())).forUpdate().fetchOptional()
        .map(PaymentMapper::toPayment));
  }

  @Override
  public Optional<Payment> findByProviderId(Rail rail, ProviderPaymentId providerId) {
    return db.query(dsl -> dsl.selectFrom(PAYMENTS).where(PAYMENTS.RAIL.eq(rail.name()))
        .and(PAYMENTS.PROVIDER_PAYMENT_ID.eq(providerId.value())).fetchOptional().map(PaymentMapper::toPayment));
  }

  @Override
  public void update(Payment payment) {
    int updated = db.query(dsl -> {
      PaymentsRecord row = dsl.newRecord(PAYMENTS);
      PaymentMapper.fill(row, payment);
      row.changed(PAYMENTS.ID, false);
      return dsl.update(PAYMENTS).set(row).where(PAYMENTS.ID.eq(payment.id().value())).execute();
    });
    if (updated != 1) {
      throw new IllegalStateException("no payment " + payment.id());
    }
  }

  @Override
  public List<Payment> pendingCreatedBefore(Instant before, int limit) {
    return db.query(dsl -> dsl.selectFrom(PAYMENTS).where(PAYMENTS.STATUS.eq(PaymentStatus.PENDING.name()))
        .and(PAYMENTS.CREATED_AT.lt(Times.toDb(before))).orderBy(PAYMENTS.CREATED_AT).limit(limit)
        .fetch(PaymentMapper::toPayment));
  }

  @Override
  public List<Payment> latestOf(UserId user, int limit) {
    return db.query(dsl -> dsl.selectFrom(PAYMENTS).where(PAYMENTS.USER_ID.eq(user.value()))
        .orderBy(PAYMENTS.CREATED_AT.desc()).limit(limit).fetch(PaymentMapper::toPayment));
  }

  @Override
  public Map<Rail, Map<String, Long>> revenueSince(Instant since) {
    return db.query(dsl -> {
      Map<Rail, Map<String, Long>> revenue = new EnumMap<>(Rail.class);
      dsl.select(PAYMENTS.RAIL, PAYMENTS.CURRENCY, DSL.sum(PAYMENTS.AMOUNT_MINOR)).from(PAYMENTS)
          .where(PAYMENTS.STATUS.eq(PaymentStatus.SUCCEEDED.name())).and(PAYMENTS.SETTLED_AT.ge(Times.toDb(since)))
          .groupBy(PAYMENTS.RAIL, PAYMENTS.CURRENCY)
          .forEach(r -> revenue.computeIfAbsent(Rail.valueOf(r.value1()), k -> new HashMap<>())
              .put(r.value2(), r.value3().longValue()));
      return revenue;
    });
  }

  @Override
  public Map<Rail, Map<PaymentStatus, Long>> countByRailAndStatus() {
    return db.query(dsl -> {
      Map<Rail, Map<PaymentStatus, Long>> counts = new EnumMap<>(Rail.class);
      dsl.select(PAYMENTS.RAIL, PAYMENTS.STATUS, DSL.count()).from(PAYMENTS).groupBy(PAYMENTS.RAIL, PAYMENTS.STATUS)
          .forEach(r -> counts.computeIfAbsent(Rail.valueOf(r.value1()), k -> new EnumMap<>(PaymentStatus.class))
              .put(PaymentStatus.valueOf(r.value2()), r.value3().longValue()));
      return counts;
    });
  }

  @Override
  public Map<LocalDate, Map<String, Long>> revenuePerDay(Instant since) {
    Field<LocalDate> day = DSL.field("(({0}) at time zone 'UTC')::date", SQLDataType.LOCALDATE, PAYMENTS.SETTLED_AT);
    return db.query(dsl -> {
      Map<LocalDate, Map<String, Long>> revenue = new TreeMap<>();
      dsl.select(day, PAYMENTS.CURRENCY, DSL.sum(PAYMENTS.AMOUNT_MINOR)).from(PAYMENTS)
          .where(PAYMENTS.STATUS.eq(PaymentStatus.SUCCEEDED.name())).and(PAYMENTS.SETTLED_AT.ge(Times.toDb(since)))
          .groupBy(day, PAYMENTS.CURRENCY)
          .forEach(r -> revenue.computeIfAbsent(r.value1(), d -> new HashMap<>())
              .put(r.value2(), r.value3().longValue()));
      return revenue;
    });
  }
}
