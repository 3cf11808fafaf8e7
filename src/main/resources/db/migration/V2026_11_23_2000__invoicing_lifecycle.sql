-- The French e-invoicing lifecycle of each invoice (codes 200 submitted ... 212 paid, 213 rejected), append-only:
-- who or what set each status, and when.
create table invoice_lifecycle (
    id         varchar(40)  primary key,
    invoice_id varchar(40)  not null references invoice (id),
    code       integer      not null,
    set_at     timestamp with time zone not null,
    set_by     varchar(200) not null,
    note       varchar(500)
);
create index invoice_lifecycle_by_invoice on invoice_lifecycle (invoice_id, set_at);
