-- Each invoice's sendings (an outbox): queued with the issue, sent by a job, retried with backoff when the SMTP
-- server fails, never twice (one per invoice and channel; claimed as SENDING before the mail leaves).
create table invoice_sending (
    id              varchar(40)  primary key,
    invoice_id      varchar(40)  not null references invoice (id),
    channel         varchar(20)  not null,
    recipient       varchar(200) not null,
    status          varchar(20)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    sent_at         timestamp with time zone,
    created_at      timestamp with time zone not null,
    unique (invoice_id, channel)
);
create index invoice_sending_due on invoice_sending (status, next_attempt_at);
