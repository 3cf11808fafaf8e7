-- One outbox for every mail Encaisse sends (ADR 0020): invoices, courtesy reminders, quotes and order
-- confirmations were three tables with three retry policies. A row is queued in the transaction that decides
-- the mail (an invoice issued, an order confirmed), claimed (SENDING) and committed before the mail leaves,
-- then SENT; an SMTP failure makes it FAILED with the reason and the next attempt after 1, 2, 4... minutes (8
-- attempts); a mail that cannot succeed (no address, nothing to send any more) is SKIPPED with why; a bounce
-- makes it BOUNCED. dedupe_key says what may be sent only once ("INVOICE:inv_..."): queueing it again is a
-- no-op. subject_id names the module's document (an invoice, a quote, an order) without a foreign key: the
-- row is about that document's mail, owned by the shared kernel, and documents with mails are never deleted.
create table mail_outbox (
    id              varchar(40)  primary key,
    kind            varchar(30)  not null,
    subject_id      varchar(40)  not null,
    dedupe_key      varchar(200) not null unique,
    label           varchar(40),
    recipient       varchar(320),
    status          varchar(12)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    sent_at         timestamp with time zone,
    message_id      varchar(250),
    created_at      timestamp with time zone not null
);
create index mail_outbox_due on mail_outbox (status, next_attempt_at);
create index mail_outbox_by_subject on mail_outbox (subject_id, kind);
create index mail_outbox_by_message on mail_outbox (message_id);

-- the three outboxes' rows, kept as they were
insert into mail_outbox (id, kind, subject_id, dedupe_key, label, recipient, status, attempts, next_attempt_at,
    last_error, sent_at, message_id, created_at)
select id, case when channel = 'REMINDER' then 'INVOICE_REMINDER' else 'INVOICE' end, invoice_id,
       concat(case when channel = 'REMINDER' then 'INVOICE_REMINDER:' else 'INVOICE:' end, invoice_id), null,
       recipient, status, attempts, next_attempt_at, last_error, sent_at, message_id, created_at
from invoice_sending;

insert into mail_outbox (id, kind, subject_id, dedupe_key, label, recipient, status, attempts, next_attempt_at,
    last_error, sent_at, message_id, created_at)
select id, 'QUOTE', quote_id, concat('QUOTE:', id), concat('r', revision), nullif(recipient, ''),
       case when status = 'SENT' then 'SENT' when last_error = 'the customer has no billing email' then 'SKIPPED'
            else 'FAILED' end,
       -- one row per attempt before: a row that did not leave is not tried again (its attempts are spent)
       case when status = 'SENT' then 1 else 8 end, coalesce(attempted_at, sent_at, current_timestamp), last_error,
       sent_at, null,
       coalesce(attempted_at, sent_at, current_timestamp)
from quote_sending;

insert into mail_outbox (id, kind, subject_id, dedupe_key, label, recipient, status, attempts, next_attempt_at,
    last_error, sent_at, message_id, created_at)
select concat('mob_', order_id), 'ORDER_CONFIRMATION', order_id, concat('ORDER_CONFIRMATION:', order_id), null,
       null, case when status = 'PENDING' then 'QUEUED' else status end,
       -- FAILED meant given up: its attempts are spent under the new policy too
       case when status = 'FAILED' then 8 else attempts end, next_attempt_at, last_error,
       sent_at, null, next_attempt_at
from order_confirmation;

drop table invoice_sending;
drop table quote_sending;
drop table order_confirmation;
