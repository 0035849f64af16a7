-- Every transfer moves a system account (sales, bonus, revenue…) along with a user's. Kept in one
-- row each, those accounts serialised all transfers behind one row lock. Spread over 16 stripes,
-- concurrent transfers write different rows (each connection its own stripe); a system account's
-- counters are the sum of its stripes. System accounts have no floor, so no lock is needed to
-- decide a transfer: only the user's row is locked.
create table system_account_stripes (
    code            varchar(40) not null references accounts (code),
    stripe          smallint    not null check (stripe between 0 and 15),
    debits_posted   bigint      not null default 0,
    credits_posted  bigint      not null default 0,
    debits_pending  bigint      not null default 0,
    credits_pending bigint      not null default 0,
    primary key (code, stripe)
);

insert into system_account_stripes (code, stripe, debits_posted, credits_posted, debits_pending, credits_pending)
select code, 0, debits_posted, credits_posted, debits_pending, credits_pending
from accounts
where user_id is null;

insert into system_account_stripes (code, stripe)
select code, stripe
from accounts cross join generate_series(1, 15) as stripe
where user_id is null;

update accounts
set debits_posted = 0, credits_posted = 0, debits_pending = 0, credits_pending = 0
where user_id is null;

-- The system rows of accounts stay, for the transfers' foreign keys; their counters live in the stripes.
alter table accounts add constraint system_counters_live_in_stripes
    check (user_id is not null or (debits_posted = 0 and credits_posted = 0 and debits_pending = 0 and credits_pending = 0));

-- Totals of a system account, as one row with the four counters.
create view system_account_totals as
select code,
       sum(debits_posted)::bigint   as debits_posted,
       sum(credits_posted)::bigint  as credits_posted,
       sum(debits_pending)::bigint  as debits_pending,
       sum(credits_pending)::bigint as credits_pending
from system_account_stripes
group by code;
