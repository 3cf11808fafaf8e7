-- Published for reporting (billing leakage): each module shows what it owns.
-- orders: deliveries with what they are worth at the order's prices (delivery lines name their order line from 1)
create view orders_delivery as
select d.id as delivery_id, d.order_id, o.number as order_number, o.customer_id, o.currency, d.delivered_on,
       sum(dl.quantity * ol.unit_price * (100 - ol.discount_percent) / 100) as net
from delivery d
join customer_order o on o.id = d.order_id
join delivery_line dl on dl.delivery_id = d.id
join order_line ol on ol.order_id = d.order_id and ol.line_index = dl.order_line_index - 1
group by d.id, d.order_id, o.number, o.customer_id, o.currency, d.delivered_on;

-- invoicing: what each issued invoice bills (a delivery), and its lines as billed
create view invoicing_billed_source as
select i.source_ref, i.order_id, i.id as invoice_id, i.number
from invoice i where i.number is not null and i.kind = 'INVOICE';

create view invoicing_billed_line as
select i.id as invoice_id, i.number, i.customer_id, i.customer_name, i.order_id, i.issue_date, i.currency,
       l.line_index, l.sku, l.description, l.quantity, l.unit_price, l.discount_percent, l.net_amount, l.price_source
from invoice i join invoice_line l on l.invoice_id = i.id
where i.number is not null and i.kind = 'INVOICE';

-- quotes: accepted quotes, the order they became, and who approved their discounts
create view quotes_accepted as
select q.id as quote_id, q.number, q.customer_id, q.accepted_at, q.order_id, q.approved_by
from quote q where q.status = 'ACCEPTED';

-- customers: names, for the reports
create view customers_name as
select c.id as customer_id, c.name from customer c;
