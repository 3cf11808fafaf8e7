-- Reads at scale (issue 28, ADR 0018). Each invoice keeps the earliest and the latest date of what settled it
-- (payments, write-offs, credit notes), widened as settlements are applied and never narrowed: aging at a past
-- date then finds the invoices open at that date as those open now, and those closed now whose last settlement
-- came after it (issued by then), instead of summing every invoice's settlements. The receivable view publishes
-- them with the open amount (total less paid less credited).
alter table invoice add column first_settled_on date;
alter table invoice add column last_settled_on date;
update invoice set
    first_settled_on = (select min(s.settled_on) from invoicing_settlement s where s.invoice_id = invoice.id),
    last_settled_on = (select max(s.settled_on) from invoicing_settlement s where s.invoice_id = invoice.id)
where kind = 'INVOICE' and exists (select 1 from invoicing_settlement s where s.invoice_id = invoice.id);

create or replace view invoicing_receivable as
select i.id as invoice_id, i.number, i.customer_id, i.customer_name, i.currency, i.issue_date, i.due_date,
       i.total, i.status, i.total - i.amount_paid - i.amount_credited as open_amount,
       i.first_settled_on, i.last_settled_on
from invoice i
where i.kind = 'INVOICE' and i.number is not null;
