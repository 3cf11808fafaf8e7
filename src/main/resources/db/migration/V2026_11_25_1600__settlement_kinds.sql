-- invoicing_settlement tells a write-off from a payment (both were reported as PAYMENT): the reports can
-- show what was written off apart from what was paid. Aging is unchanged (both settle the invoice).
drop view invoicing_settlement;
create view invoicing_settlement as
select p.invoice_id, p.amount, p.paid_on as settled_on, p.kind
from invoice_payment p
union all
select c.credited_invoice_id as invoice_id, c.total as amount, c.issue_date as settled_on, 'CREDIT_NOTE' as kind
from invoice c
where c.kind = 'CREDIT_NOTE' and c.number is not null;
