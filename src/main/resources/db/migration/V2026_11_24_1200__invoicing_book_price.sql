-- The price the price book gave a billed line (the customer's agreement included), kept with the line:
-- the leakage report lists lines billed below it.
alter table invoice_line add column book_price numeric(19, 4);

create or replace view invoicing_billed_line as
select i.id as invoice_id, i.number, i.customer_id, i.customer_name, i.order_id, i.issue_date, i.currency,
       l.line_index, l.sku, l.description, l.quantity, l.unit_price, l.discount_percent, l.net_amount, l.price_source,
       l.book_price
from invoice i join invoice_line l on l.invoice_id = i.id
where i.number is not null and i.kind = 'INVOICE';
