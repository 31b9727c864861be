-- Reservation retention: one row per cancellation case (the report reads it; it outlives history cleanup)
create table retention_case (
  reservation_number varchar(32)  not null references reservation (number),
  case_number        integer      not null,
  customer_id        bigint       not null references customer (id),
  region             varchar(16)  not null,
  case_owner         varchar(64)  not null,
  process_instance   varchar(64)  not null,
  reason             varchar(1000),
  opened_at          timestamp with time zone not null,
  closed_at          timestamp with time zone,
  outcome            varchar(32),
  attempts           integer      not null default 0,
  primary key (reservation_number, case_number)
);
create index retention_case_region_idx on retention_case (region, outcome);

-- a deposit refund the finance system picks up; one per reservation
create table deposit_refund (
  reservation_number varchar(32)  primary key references reservation (number),
  amount             numeric(12, 2) not null,
  currency           varchar(3)   not null,
  status             varchar(16)  not null,
  requested_at       timestamp with time zone not null
);

-- notifications to staff (a missed call told to the agent's manager) have no customer
alter table outbox alter column customer_id drop not null;
