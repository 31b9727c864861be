-- Who completed each user task, recorded by the server from the authenticated user (TaskGuard),
-- never taken from a process variable: four eyes and "drafted / approved by" read it.
create table task_record (
  task_id             varchar(64)  primary key,
  process_instance_id varchar(64)  not null,
  business_key        varchar(255),
  task_key            varchar(255) not null,
  completed_by        varchar(255) not null,
  completed_at        timestamp with time zone not null
);
create index task_record_instance_idx on task_record (process_instance_id, task_key);
