-- The chat inbox: a polled batch is written here before the poller acknowledges it (Telegram
-- forgets a batch once the next getUpdates confirms it), then handled from here.
create table inbound_updates (
    update_id    bigint       primary key check (update_id >= 0),
    chat_id      bigint       not null,
    payload      text         not null,
    received_at  timestamptz  not null,
    attempts     int          not null default 0 check (attempts >= 0),
    leased_until timestamptz,
    handled_at   timestamptz
);

-- The claim looks for the oldest unhandled update of each chat; handled rows drop out of both.
create index inbound_updates_unhandled on inbound_updates (update_id) where handled_at is null;
create index inbound_updates_unhandled_by_chat on inbound_updates (chat_id, update_id) where handled_at is null;
create index inbound_updates_handled on inbound_updates (received_at) where handled_at is not null;

-- Small state of the chat adapter: conversation steps, button payloads, status-message ids.
create table chat_state (
    namespace  varchar(40)  not null,
    key        varchar(200) not null,
    value      text         not null,
    expires_at timestamptz  not null,
    primary key (namespace, key)
);

create index chat_state_by_expiry on chat_state (expires_at);
