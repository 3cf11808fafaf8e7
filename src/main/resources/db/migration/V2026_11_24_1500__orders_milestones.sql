-- Milestones of an order billed by stages (services): a share (percent) or an amount of the order, marked
-- ready to bill by a project manager, then billed by invoicing. An order with milestones is not billed on
-- delivery.
create table order_milestone (
    order_id   varchar(40)    not null references customer_order (id),
    position   integer        not null,
    label      varchar(200)   not null,
    percent    numeric(7, 4),
    amount     numeric(19, 4),
    status     varchar(10)    not null,
    ready_on   date,
    ready_by   varchar(100),
    invoice_id varchar(40),
    primary key (order_id, position)
);

-- Published for reporting (billing leakage): milestones ready to bill that no invoice bills yet.
create view orders_milestone_ready as
select m.order_id, o.number as order_number, o.customer_id, o.currency, m.position, m.label, m.ready_on
from order_milestone m join customer_order o on o.id = m.order_id
where m.status = 'READY';
