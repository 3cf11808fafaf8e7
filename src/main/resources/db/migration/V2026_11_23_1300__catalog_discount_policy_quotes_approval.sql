-- The largest discount each role may grant alone (catalog owns the policy).
create table discount_policy (
    role        varchar(30)   primary key,
    max_percent numeric(5, 2) not null
);
insert into discount_policy (role, max_percent) values ('SALES', 10.00);
insert into discount_policy (role, max_percent) values ('SALES_MANAGER', 25.00);
insert into discount_policy (role, max_percent) values ('ADMIN', 100.00);

-- A quote whose discounts exceed its author's limit waits for an approval, recorded with its reason.
alter table quote add column max_discount numeric(7, 4);
alter table quote add column created_by varchar(200);
alter table quote add column approved_by varchar(200);
alter table quote add column approved_at timestamp with time zone;
alter table quote add column approval_reason varchar(1000);

-- The catalog price of each quote line when it was priced, to measure the discount actually granted.
alter table quote_line add column list_price numeric(19, 4);
