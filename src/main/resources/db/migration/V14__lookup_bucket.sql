-- The public VIN lookup's allowance per client address (Bucket4j's table), shared by every node on
-- PostgreSQL; H2 keeps its buckets in memory and leaves this table empty.
create table lookup_bucket (
  id         varchar(128) primary key,
  state      ${binaryType},
  expires_at bigint
);
