-- Queries that run all the time (the job claim, the outbox dispatch, the hold sweeper, the limit
-- checks of every order) must cost the same after a million jobs as after ten.

-- Holds that can expire and are not resolved yet, kept by the database itself: a hold with an
-- expiry enters when it is recorded and leaves when its capture or release is. The sweeper reads
-- this small table instead of every hold ever placed.
create table pending_holds (
    hold_id    uuid        primary key references transfers (id),
    expires_at timestamptz not null
);

create index pending_holds_by_expiry on pending_holds (expires_at, hold_id);

insert into pending_holds (hold_id, expires_at)
select hold.id, hold.expires_at
from transfers hold
where hold.type = 'HOLD'
  and hold.expires_at is not null
  and not exists (select 1 from transfers resolution where resolution.pending_id = hold.id);

create function transfers_track_pending_holds() returns trigger language plpgsql as $$
begin
    if new.type = 'HOLD' and new.expires_at is not null then
        insert into pending_holds (hold_id, expires_at) values (new.id, new.expires_at);
    elsif new.pending_id is not null then
        delete from pending_holds where hold_id = new.pending_id;
    end if;
    return null;
end
$$;

create trigger transfers_pending_holds
    after insert on transfers
    for each row execute function transfers_track_pending_holds();

drop index transfers_unresolved_holds;

-- Admin totals over a recent period.
create index transfers_by_time on transfers (created_at);

-- The claim orders due jobs by when they became due (PostgresJobStore.DUE_SINCE, the same
-- expression), so it reads this index in order and stops at the first due job it can lock.
create index jobs_claim_order on jobs ((coalesce(next_attempt_at, next_poll_at, lease_expires_at, updated_at)), id)
    where state in ('QUEUED', 'AWAITING_PROVIDER', 'DELIVERING');
drop index jobs_queued_due;
drop index jobs_awaiting_due;

-- Spend in the last hour is checked on every order, over finished jobs too.
create index jobs_by_user on jobs (user_id, created_at);

-- Dispatch reads unsent messages oldest first.
create index outbox_unsent_in_order on outbox (created_at, seq) where sent_at is null and undeliverable is null;
drop index outbox_unsent_due;

-- Admins write as much as they need to; an audit entry must never be refused for its length.
alter table audit_log alter column details type text, alter column reason type text;
