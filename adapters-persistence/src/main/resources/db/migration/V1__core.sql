-- Rei's core schema. The constraints back the domain's invariants, so a bug in the code cannot
-- write what the rules forbid: balances below zero, a hold resolved twice, a reused key, an
-- edited transfer.

create table users (
    id            bigint primary key check (id > 0),
    registered_at timestamptz not null,
    language      varchar(2)  not null check (language in ('RU', 'EN')),
    banned_at     timestamptz
);

create table accounts (
    code            varchar(40) primary key,
    user_id         bigint references users (id),
    debits_posted   bigint not null default 0 check (debits_posted >= 0),
    credits_posted  bigint not null default 0 check (credits_posted >= 0),
    debits_pending  bigint not null default 0 check (debits_pending >= 0),
    credits_pending bigint not null default 0 check (credits_pending >= 0),
    check ((user_id is null) = (code like 'system:%')),
    -- A user's posted balance, and what is left after holds, never go below zero.
    check (user_id is null or credits_posted - debits_posted >= 0),
    check (user_id is null or credits_posted - debits_posted - debits_pending >= 0)
);

insert into accounts (code) values ('system:sales'), ('system:bonus'), ('system:adjustments'), ('system:revenue');

create table transfers (
    id              uuid primary key,
    seq             bigint generated always as identity unique,
    idempotency_key varchar(200) not null unique,
    type            varchar(10)  not null check (type in ('POST', 'HOLD', 'CAPTURE', 'RELEASE')),
    debit_account   varchar(40)  not null references accounts (code),
    credit_account  varchar(40)  not null references accounts (code),
    amount          bigint       not null check (amount >= 0),
    kind            varchar(20)  not null,
    memo_type       varchar(20)  not null,
    memo_id         varchar(100) not null,
    memo_note       varchar(500) not null,
    pending_id      uuid references transfers (id),
    expires_at      timestamptz,
    release_reason  varchar(20),
    created_at      timestamptz  not null,
    check (debit_account <> credit_account),
    check ((type in ('CAPTURE', 'RELEASE')) = (pending_id is not null)),
    check (amount > 0 or type = 'CAPTURE')
);

-- A hold is captured or released at most once.
create unique index transfers_one_resolution_per_hold on transfers (pending_id) where pending_id is not null;
create index transfers_by_debit on transfers (debit_account, created_at);
create index transfers_by_credit on transfers (credit_account, created_at);
create index transfers_unresolved_holds on transfers (expires_at) where type = 'HOLD' and expires_at is not null;

-- Transfers are append-only: corrections are new transfers.
create function transfers_are_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'transfers are append-only: % refused', tg_op;
end
$$;

create trigger transfers_append_only
    before update or delete on transfers
    for each row execute function transfers_are_append_only();

create table orders (
    id              uuid primary key,
    user_id         bigint       not null references users (id),
    idempotency_key varchar(200) not null unique,
    kind            varchar(20)  not null,
    unit_price      bigint       not null check (unit_price > 0),
    job_ids         uuid[]       not null check (cardinality(job_ids) > 0),
    placed_at       timestamptz  not null
);

create table jobs (
    id                 uuid primary key,
    -- Deferred: an order's jobs are written before the order row, in the same transaction.
    order_id           uuid        not null references orders (id) deferrable initially deferred,
    user_id            bigint      not null references users (id),
    kind               varchar(20) not null,
    parameters         jsonb       not null,
    price              bigint      not null check (price > 0),
    hold_id            uuid        not null references transfers (id),
    state              varchar(20) not null check (state in ('QUEUED', 'RUNNING', 'AWAITING_PROVIDER', 'DELIVERING',
                                                              'SUCCEEDED', 'FAILED', 'CANCELLED', 'EXPIRED')),
    attempts           int         not null check (attempts >= 0),
    fence              bigint      not null check (fence >= 0),
    next_attempt_at    timestamptz,
    lease_worker       varchar(100),
    lease_fence        bigint,
    lease_expires_at   timestamptz,
    provider_name      varchar(40),
    provider_key_index int,
    provider_task_id   varchar(200),
    next_poll_at       timestamptz,
    progress           int         not null check (progress between 0 and 100),
    result_ref         varchar(2000),
    failure_class      varchar(20),
    failure_message    varchar(1000),
    retry_notice_sent  boolean     not null,
    cancelled_by       varchar(10),
    deadline           timestamptz not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create index jobs_by_order on jobs (order_id);

create index jobs_queued_due on jobs (next_attempt_at) where state = 'QUEUED';
create index jobs_awaiting_due on jobs (next_poll_at) where state = 'AWAITING_PROVIDER';
create index jobs_leased on jobs (lease_expires_at) where lease_expires_at is not null;
create index jobs_live_by_user on jobs (user_id, created_at)
    where state in ('QUEUED', 'RUNNING', 'AWAITING_PROVIDER', 'DELIVERING');
create index jobs_deadline on jobs (deadline) where state in ('QUEUED', 'RUNNING', 'AWAITING_PROVIDER');

create table payments (
    id                  uuid primary key,
    rail                varchar(20)  not null check (rail in ('YOOKASSA', 'HELEKET', 'TELEGRAM_STARS')),
    provider_payment_id varchar(200),
    user_id             bigint       not null references users (id),
    amount_minor        bigint       not null check (amount_minor > 0),
    currency            varchar(5)   not null,
    fraction_digits     int          not null check (fraction_digits between 0 and 8),
    credits_base        bigint       not null check (credits_base > 0),
    credits_bonus       bigint       not null check (credits_bonus >= 0),
    status              varchar(10)  not null check (status in ('PENDING', 'SUCCEEDED', 'CANCELED', 'REFUNDED')),
    created_at          timestamptz  not null,
    settled_at          timestamptz,
    updated_at          timestamptz  not null,
    unique (rail, provider_payment_id)
);

create index payments_pending on payments (created_at) where status = 'PENDING';
create index payments_by_user on payments (user_id, created_at);

create table outbox (
    id                  uuid primary key,
    seq                 bigint generated always as identity unique,
    chat_id             bigint       not null check (chat_id <> 0),
    notice_type         varchar(40)  not null,
    notice_values       jsonb        not null,
    created_at          timestamptz  not null,
    attempts            int          not null check (attempts >= 0),
    next_attempt_at     timestamptz  not null,
    sent_at             timestamptz,
    undeliverable       varchar(1000),
    last_error          varchar(1000)
);

create index outbox_unsent_due on outbox (next_attempt_at) where sent_at is null and undeliverable is null;

create table audit_log (
    id      bigint generated always as identity primary key,
    admin   bigint        not null,
    action  varchar(40)   not null,
    target  bigint        not null,
    details varchar(1000) not null,
    reason  varchar(500)  not null,
    at      timestamptz   not null
);

create index audit_log_by_target on audit_log (target, at);
