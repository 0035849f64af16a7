-- The Telegram @username each user last had, so an admin can name a user by it (/user @name).
-- Telegram usernames ignore letter case; a name moves to whoever uses it now, so it is not unique
-- here (a stale copy is cleared when the new owner is seen), and lookups go through lower(username).
alter table users add column username varchar(32)
    check (username is null or username ~ '^[A-Za-z0-9_]{1,32}$');

create index users_username_lower on users (lower(username)) where username is not null;
