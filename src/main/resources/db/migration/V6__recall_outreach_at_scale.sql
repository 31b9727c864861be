-- Recall outreach at national scale: a vehicle's journey becomes a process instance only when it
-- needs a person or a booking. Until then the campaign carries it in bulk: the first notice at
-- launch, the invitation when parts arrive, the written reminders. These columns are its state.
alter table recall_vehicle add column invited_at timestamp with time zone;
alter table recall_vehicle add column reminders_sent integer default 0 not null;
alter table recall_vehicle add column next_reminder_at timestamp with time zone;
alter table recall_vehicle add column journey_started_at timestamp with time zone;
-- the date the owner of a vehicle waiting for parts was last told they are expected (a slipped date is told again)
alter table recall_vehicle add column parts_expected_told date;

-- the launch walks the campaign's vehicles by VIN (the primary key), so it needs no index of its own
drop index recall_vehicle_launch_idx;
create index recall_vehicle_reminder_idx on recall_vehicle (campaign_id, next_reminder_at);

-- where the launch has got to: the last VIN of the last chunk committed
alter table recall_campaign add column launch_cursor varchar(17);
-- why the parts were last said to be late (told to the owners with the new date)
alter table recall_campaign add column parts_delay_reason varchar(500);
