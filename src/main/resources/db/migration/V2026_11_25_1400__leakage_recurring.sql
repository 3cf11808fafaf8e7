-- quotes: recurring lines customers accepted; until a subscription bills them, the leakage report lists them.
create view quotes_recurring_accepted as
select q.id as quote_id, q.number, q.customer_id, q.accepted_at, q.currency, l.line_index, l.sku, l.description,
       l.billing_period, round(l.quantity * l.unit_price * (100 - l.discount_percent) / 100, 2) as net
from quote q join quote_line l on l.quote_id = q.id
where q.status = 'ACCEPTED' and l.billing = 'RECURRING' and (l.optional_line = false or l.chosen = true);
