-- A customer's segment (issue 23): a grouping finance and sales name themselves (key accounts, public sector,
-- small businesses...), which a dunning policy may be set for.
alter table customer add column segment varchar(40);
create index customer_by_segment on customer (segment);
alter table dunning_policy add column segment varchar(40) unique;

-- the customers' risk class and segment, published for collections (customers owns the table)
create or replace view customers_risk as
select c.id as customer_id, c.risk_class, c.segment from customer c;
