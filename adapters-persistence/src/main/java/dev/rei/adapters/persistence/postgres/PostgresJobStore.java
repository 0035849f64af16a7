package dev.rei.adapters.persistence.postgres;

import static dev.rei.adapters.persistence.postgres.jooq.Tables.JOBS;

import dev.rei.adapters.persistence.postgres.jooq.tables.records.JobsRecord;
import dev.rei.application.port.out.JobStore;
import dev.rei.domain.job.Job;
import dev.rei.domain.job.JobId;
import dev.rei.domain.job.JobKind;
import dev.rei.domain.job.JobState;
import dev.rei.domain.job.OrderId;
import dev.rei.domain.job.WorkerId;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Jobs and their queue on PostgreSQL. A claim locks one due job with {@code FOR UPDATE SKIP
 * LOCKED}, so any number of workers share the queue without waiting on each other.
 */
public final class PostgresJobStore implements JobStore {

  private static final List<String> CANCELLABLE =
      List.of(JobState.QUEUED.name(), JobState.RUNNING.name(), JobState.AWAITING_PROVIDER.name());
  private static final List<String> TERMINAL = List.of(JobState.SUCCEEDED.name(), JobState.FAILED.name(),
      JobState.CANCELLED.name(), JobState.EXPIRED.name());

  private final JooqUnitOfWork db;

  public PostgresJobStore(JooqUnitOfWork db) {
    this.db = db;
  }

  @Override
  public void insert(Job job) {
    db.query(dsl -> {
      JobsRecord row = dsl.newRecord(JOBS);
      JobMapper.fill(row, job);
      return row.insert();
    });
  }

  @Override
  public Optional<Job> find(JobId id) {
    return db.query(dsl -> dsl.selectFrom(JOBS).where(JOBS.ID.eq(id.value())).fetchOptional().map(JobMapper::toJob));
  }

  @Override
  public Optional<Job> lock(JobId id) {
    return db.query(dsl -> dsl.selectFrom(JOBS).where(JOBS.ID.eq(id.value())).forUpdate().fetchOptional()
        .map(JobMapper::toJob));
  }

  @Override
  public void update(Job job) {
    int updated = db.query(dsl -> {
      JobsRecord row = dsl.newRecord(JOBS);
      JobMapper.fill(row, job);
      row.changed(JOBS.ID, false);
      return dsl.update(JOBS).set(row).where(JOBS.ID.eq(job.id().value())).execute();
    });
    if (updated != 1) {
      throw new IllegalStateException("no job " + job.id());
    }
  }

  /** Exactly {@link Job#isDueAt}: queued and due, awaiting a poll with no live lease, or delivering with no live lease. */
  private static Condition dueAt(OffsetDateTime now) {
    Condition leaseFree = JOBS.LEASE_EXPIRES_AT.isNull().or(JOBS.LEASE_EXPIRES_AT.le(now));
    return JOBS.STATE.eq(JobState.QUEUED.name()).and(JOBS.NEXT_ATTEMPT_AT.le(now)).and(JOBS.DEADLINE.gt(now))
        .or(JOBS.STATE.eq(JobState.AWAITING_PROVIDER.name()).and(leaseFree).and(JOBS.NEXT_POLL_AT.le(now))
            .and(JOBS.DEADLINE.gt(now)))
        .or(JOBS.STATE.eq(JobState.DELIVERING.name()).and(leaseFree));
  }

  /** When a job became due, so the oldest due job goes first. */
  private static final Field<OffsetDateTime> DUE_SINCE = DSL.coalesce(JOBS.NEXT_ATTEMPT_AT, JOBS.NEXT_POLL_AT,
      JOBS.LEASE_EXPIRES_AT, JOBS.UPDATED_AT);

  @Override
  public Optional<Job> lockNextDue(Instant now) {
    return db.query(dsl -> dsl.selectFrom(JOBS).where(dueAt(Times.toDb(now))).orderBy(DUE_SINCE, JOBS.ID).limit(1)
        .forUpdate().skipLocked().fetchOptional().map(JobMapper::toJob));
  }

  @Override
  public Optional<Instant> nextDueAt() {
    // The claim index (V2) is on exactly this expression and these states: the minimum is its first entry.
    return db.query(dsl -> dsl.select(DSL.min(DUE_SINCE)).from(JOBS)
        .where(JOBS.STATE.in(JobState.QUEUED.name(), JobState.AWAITING_PROVIDER.name(), JobState.DELIVERING.name()))
        .fetchOptional(0, OffsetDateTime.class).map(Times::fromDb));
  }

  @Override
  public List<Job> lockPastDeadline(Instant now, int limit) {
    return db.query(dsl -> dsl.selectFrom(JOBS).where(JOBS.STATE.in(CANCELLABLE)).and(JOBS.DEADLINE.le(Times.toDb(now)))
        .orderBy(JOBS.DEADLINE).limit(limit).forUpdate().skipLocked().fetch(JobMapper::toJob));
  }

  @Override
  public List<Job> lockWithExpiredLease(Instant now, int limit) {
    return db.query(dsl -> dsl.selectFrom(JOBS).where(JOBS.STATE.notIn(TERMINAL))
        .and(JOBS.LEASE_EXPIRES_AT.le(Times.toDb(now)))
        .orderBy(JOBS.LEASE_EXPIRES_AT).limit(limit).forUpdate().skipLocked().fetch(JobMapper::toJob));
  }

  @Override
  public List<JobId> leasedBy(WorkerId worker) {
    return db.query(dsl -> dsl.select(JOBS.ID).from(JOBS).where(JOBS.LEASE_WORKER.eq(worker.value()))
        .and(JOBS.STATE.notIn(TERMINAL)).fetch(row -> new JobId(row.value1())));
  }

  @Override
  public List<Job> ofOrder(OrderId order) {
    return db.query(dsl -> dsl.selectFrom(JOBS).where(JOBS.ORDER_ID.eq(order.value()))
        .orderBy(JOBS.CREATED_AT, JOBS.ID).fetch(JobMapper::toJob));
  }

  @Override
  public List<Job> liveOf(UserId user) {
    return db.query(dsl -> dsl.selectFrom(JOBS).where(JOBS.USER_ID.eq(user.value())).and(JOBS.STATE.notIn(TERMINAL))
        .orderBy(JOBS.CREATED_AT, JOBS.ID).fetch(JobMapper::toJob));
  }

  @Override
  public int activeOrders(UserId user) {
    return db.query(dsl -> dsl.select(DSL.countDistinct(JOBS.ORDER_ID)).from(JOBS)
        .where(JOBS.USER_ID.eq(user.value())).and(JOBS.STATE.notIn(TERMINAL)).fetchOne(0, int.class));
  }

  @Override
  public Credits spentSince(UserId user, Instant since) {
    return db.query(dsl -> Credits.of(dsl.select(DSL.coalesce(DSL.sum(JOBS.PRICE), DSL.val(java.math.BigDecimal.ZERO)))
        .from(JOBS)
        .where(JOBS.USER_ID.eq(user.value())).and(JOBS.CREATED_AT.ge(Times.toDb(since)))
        .and(JOBS.STATE.notIn(JobState.FAILED.name(), JobState.CANCELLED.name(), JobState.EXPIRED.name()))
        .fetchOne(0, long.class)));
  }

  @Override
  public Map<JobKind, Map<JobState, Long>> countCreatedSince(Instant since) {
    return db.query(dsl -> {
      Map<JobKind, Map<JobState, Long>> counts = new EnumMap<>(JobKind.class);
      dsl.select(JOBS.KIND, JOBS.STATE, DSL.count()).from(JOBS).where(JOBS.CREATED_AT.ge(Times.toDb(since)))
          .groupBy(JOBS.KIND, JOBS.STATE)
          .forEach(r -> counts.computeIfAbsent(JobKind.valueOf(r.value1()), k -> new EnumMap<>(JobState.class))
              .put(JobState.valueOf(r.value2()), r.value3().longValue()));
      return counts;
    });
  }

  @Override
  public Map<JobState, Long> countByState() {
    return db.query(dsl -> {
      Map<JobState, Long> counts = new EnumMap<>(JobState.class);
      dsl.select(JOBS.STATE, DSL.count()).from(JOBS).groupBy(JOBS.STATE)
          .forEach(r -> counts.put(JobState.valueOf(r.value1()), r.value2().longValue()));
      return counts;
    });
  }

  @Override
  public Map<JobKind, Map<JobState, Long>> countFinishedSince(Instant since) {
    // The finished-jobs index (V9) holds exactly these states, by updated_at.
    return db.query(dsl -> {
      Map<JobKind, Map<JobState, Long>> counts = new EnumMap<>(JobKind.class);
      dsl.select(JOBS.KIND, JOBS.STATE, DSL.count()).from(JOBS).where(JOBS.STATE.in(TERMINAL))
          .and(JOBS.UPDATED_AT.ge(Times.toDb(since)))
          .groupBy(JOBS.KIND, JOBS.STATE)
          .forEach(r -> counts.computeIfAbsent(JobKind.valueOf(r.value1()), k -> new EnumMap<>(JobState.class))
              .put(JobState.valueOf(r.value2()), r.value3().longValue()));
      return counts;
    });
  }

  @Override
  public Backlog queuedDue(Instant now) {
    OffsetDateTime at = Times.toDb(now);
    // A queued job's DUE_SINCE is its next attempt time: the claim index (V2) covers this condition.
    return db.query(dsl -> dsl.select(DSL.count(), DSL.min(DUE_SINCE)).from(JOBS)
        .where(JOBS.STATE.eq(JobState.QUEUED.name())).and(DUE_SINCE.le(at)).and(JOBS.DEADLINE.gt(at))
        .fetchOne(r -> new Backlog(r.value1(), Optional.ofNullable(r.value2()).map(Times::fromDb))));
  }

  @Override
  public List<FinishedJob> finishedBetween(Instant from, Instant to, int limit) {
    return db.query(dsl -> dsl.select(JOBS.ID, JOBS.KIND, JOBS.STATE, JOBS.CREATED_AT, JOBS.UPDATED_AT).from(JOBS)
        .where(JOBS.STATE.in(TERMINAL)).and(JOBS.UPDATED_AT.ge(Times.toDb(from))).and(JOBS.UPDATED_AT.lt(Times.toDb(to)))
        .orderBy(JOBS.UPDATED_AT, JOBS.ID).limit(limit)
        .fetch(r -> new FinishedJob(new JobId(r.value1()), JobKind.valueOf(r.value2()), JobState.valueOf(r.value3()),
            Times.fromDb(r.value4()), Times.fromDb(r.value5()))));
  }

  @Override
  public List<Job> ofUserSince(UserId user, Instant since, int offset, int limit) {
    // jobs_by_user (user_id, created_at) read backwards serves this page.
    return db.query(dsl -> dsl.selectFrom(JOBS).where(JOBS.USER_ID.eq(user.value()))
        .and(JOBS.CREATED_AT.ge(Times.toDb(since)))
        .orderBy(JOBS.CREATED_AT.desc(), JOBS.ID.desc()).offset(offset).limit(limit).fetch(JobMapper::toJob));
  }

  @Override
  public Map<LocalDate, Long> countCreatedPerDay(Instant since) {
    // The day of a UTC instant: created_at at time zone 'UTC' is the wall time in UTC.
    Field<LocalDate> day = DSL.field("(({0}) at time zone 'UTC')::date", SQLDataType.LOCALDATE, JOBS.CREATED_AT);
    return db.query(dsl -> {
      Map<LocalDate, Long> counts = new TreeMap<>();
      dsl.select(day, DSL.count()).from(JOBS).where(JOBS.CREATED_AT.ge(Times.toDb(since))).groupBy(day)
          .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
      return counts;
    });
  }
}
