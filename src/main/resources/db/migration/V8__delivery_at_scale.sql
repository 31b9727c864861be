-- Delivery at national-recall scale.
-- priority: 0 = a message to one customer or member of staff (a case update, an acknowledgement, a
-- delay notice), 1 = bulk (a campaign's notices to thousands). The dispatcher claims priority 0 first.
alter table outbox add column priority smallint default 0 not null;
-- the bulk send a message belongs to (a recall campaign's id): its progress per channel is one index range
alter table outbox add column bulk_key varchar(100);
-- set when a dispatcher's lease on the message ran out (the node died mid-send): the message may have
-- reached the recipient already, so its next delivery is recorded as a re-send
alter table outbox add column interrupted boolean default false not null;

-- the claim reads (status, channel, priority) and the due rows in order: an index range, whatever the backlog
drop index outbox_due_idx;
create index outbox_claim_idx on outbox (status, channel, priority, next_attempt_at, id);
create index outbox_bulk_idx on outbox (bulk_key, channel, status);
-- the print shop's file: a day's letters, page by page
create index outbox_print_batch_idx on outbox (print_batch, id);

-- the per-channel rate limit shared by every node: a token bucket the claim draws from
create table outbox_channel_rate (
  channel     varchar(10) primary key,
  tokens      double precision not null,
  refilled_at timestamp with time zone not null
);
