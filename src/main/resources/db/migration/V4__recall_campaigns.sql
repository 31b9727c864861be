-- Recall campaigns: the campaign, the vehicles it covers (one row per VIN, never twice), parts
-- availability per region, and the quarterly completion reports that are kept.
create table recall_campaign (
  id              varchar(20)   primary key,
  title           varchar(200)  not null,
  component       varchar(200)  not null,
  defect          varchar(4000) not null,
  safety_risk     varchar(2000) not null,
  remedy          varchar(2000) not null,
  remedy_options  varchar(50)   not null,
  remedy_hours    integer       not null,
  parts_available boolean       not null,
  parts_expected  date,
  status          varchar(16)   not null,
  notice_en       varchar(8000),
  notice_fr       varchar(8000),
  drafted_by      varchar(64),
  approved_by     varchar(64),
  created_by      varchar(64)   not null,
  created_at      timestamp with time zone not null,
  launched_at     timestamp with time zone,
  closed_at       timestamp with time zone,
  close_reason    varchar(1000)
);

create table recall_parts_stock (
  campaign_id     varchar(20)  not null references recall_campaign (id),
  region          varchar(16)  not null,
  available       integer,
  expected        date,
  primary key (campaign_id, region)
);

create table recall_vehicle (
  campaign_id     varchar(20)  not null references recall_campaign (id),
  vin             varchar(17)  not null,
  vehicle_id      bigint       not null references vehicle (id),
  region          varchar(16)  not null,
  status          varchar(20)  not null,
  imported_at     timestamp with time zone not null,
  launched_at     timestamp with time zone,
  remedied_at     timestamp with time zone,
  closed_reason   varchar(500),
  primary key (campaign_id, vin)
);
create index recall_vehicle_launch_idx on recall_vehicle (campaign_id, launched_at);
create index recall_vehicle_vin_idx on recall_vehicle (vin);

create table recall_report (
  campaign_id     varchar(20)  not null references recall_campaign (id),
  quarter         integer      not null,
  produced_at     timestamp with time zone not null,
  vehicles        integer      not null,
  remedied        integer      not null,
  unreachable     integer      not null,
  exported_or_scrapped integer not null,
  completion_rate numeric(5, 2) not null,
  primary key (campaign_id, quarter)
);
