-- Quote revisions: the quote holds its current revision; each superseded one is kept whole (lines, prices,
-- totals, validity) as it was, readable and comparable with any other.
alter table quote add column revision integer not null default 1;

create table quote_revision (
    quote_id      varchar(40)  not null references quote (id),
    revision      integer      not null,
    content       text         not null,
    superseded_at timestamp with time zone not null,
    superseded_by varchar(100) not null,
    primary key (quote_id, revision)
);
