-- The collector's day (issue 23): customers assigned to collectors, notes and call logs on a customer or one of its
-- invoices, tasks with a due date, and waivers of late-payment charges.

alter table collection_setting add column collector varchar(100) references staff_user (username);
create index collection_setting_by_collector on collection_setting (collector);

-- A note or a call logged by a collector: on the customer, or on one of its invoices.
create table collection_note (
    id          varchar(40)   primary key,
    customer_id varchar(40)   not null references customer (id),
    invoice_id  varchar(40)   references invoice (id),
    kind        varchar(10)   not null,
    outcome     varchar(20),
    body        varchar(4000) not null,
    created_by  varchar(100)  not null,
    created_at  timestamp with time zone not null
);
create index collection_note_by_customer on collection_note (customer_id, created_at);

-- Something to do by a date for a customer: set by hand, or raised by the run (a phone level, a promise broken).
-- A raised task names what raised it, once: the unique key makes a second run raise nothing more.
create table collection_task (
    id          varchar(40)   primary key,
    customer_id varchar(40)   not null references customer (id),
    invoice_id  varchar(40)   references invoice (id),
    kind        varchar(20)   not null,
    title       varchar(300)  not null,
    due_on      date          not null,
    assignee    varchar(100)  references staff_user (username),
    status      varchar(10)   not null,
    raised_by   varchar(60),
    created_by  varchar(100)  not null,
    created_at  timestamp with time zone not null,
    done_by     varchar(100),
    done_at     timestamp with time zone,
    unique (raised_by)
);
create index collection_task_open on collection_task (status, due_on);
create index collection_task_by_customer on collection_task (customer_id, status);

-- Late-payment charges an authorised person waived on an invoice (the interest, the 40 EUR indemnity, or both),
-- with the reason; the audit trail keeps who and when as well.
create table late_charge_waiver (
    invoice_id varchar(40)   primary key references invoice (id),
    interest   boolean       not null,
    indemnity  boolean       not null,
    reason     varchar(500)  not null,
    waived_by  varchar(100)  not null,
    waived_at  timestamp with time zone not null
);
