-- Failed logins, for the login throttle (LoginThrottle): one row per user name and client address,
-- and one per user name over every address (client '*'). In the database, so that every node of a
-- cluster throttles alike. Rows are forgotten once their streak is over.
create table login_failure (
  user_id         varchar(64) not null,
  client          varchar(64) not null,
  failures        integer not null,
  blocked_until   timestamp with time zone,
  last_failure_at timestamp with time zone not null,
  primary key (user_id, client)
);

create index login_failure_last_idx on login_failure (last_failure_at);
