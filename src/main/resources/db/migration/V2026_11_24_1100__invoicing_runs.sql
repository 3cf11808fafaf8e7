-- Bulk work on invoices (issue drafts, send issued ones): one run, one row per invoice; a worker
-- (a db-scheduler task, so any node, and again after a crash) takes pending rows in chunks and
-- records each outcome, so the page shows progress and what failed and why.
create table invoice_run (
    id          varchar(40)  primary key,
    kind        varchar(10)  not null,
    status      varchar(10)  not null,
    total       integer      not null,
    done        integer      not null,
    failed      integer      not null,
    created_by  varchar(100) not null,
    created_at  timestamp with time zone not null,
    finished_at timestamp with time zone
);

create table invoice_run_item (
    run_id     varchar(40)  not null references invoice_run (id),
    position   integer      not null,
    invoice_id varchar(40)  not null,
    status     varchar(10)  not null,
    message    varchar(500),
    primary key (run_id, position)
);
create index invoice_run_item_pending on invoice_run_item (run_id, status, position);
