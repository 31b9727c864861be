-- PostgreSQL only (spring.flyway.locations of the postgres profile): the outbox's autovacuum keeps up
-- with a national recall.
-- A launch inserts millions of rows in minutes and the dispatcher then updates each of them twice
-- (claimed, sent). With the default thresholds (20 % of the table) autovacuum reaches a table of
-- 6M rows only after 1.2M dead rows; until then every claim walks past the dead entries left at the
-- front of outbox_claim_idx, and the planner works with the statistics of an empty table.
-- At 1 % a vacuum follows every ~60,000 changed rows of a 6M-row outbox, and the rows a launch
-- inserts are analysed as they arrive.
alter table outbox set (
  autovacuum_vacuum_scale_factor = 0.01,
  autovacuum_vacuum_insert_scale_factor = 0.01,
  autovacuum_analyze_scale_factor = 0.01,
  autovacuum_vacuum_cost_delay = 0
);
