-- A letter's recipient is the customer's name (200), a line break and his address (500): the
-- column holds the longest a valid customer gives, so writing his letter never overflows it.
alter table outbox alter column recipient set data type varchar(701);
