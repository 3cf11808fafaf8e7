-- Files attached to a dispute (issue 23): a delivery note, a photo, the purchase order. Sent by the customer from
-- their account page or added by staff; kept with the dispute, never altered.
create table dispute_attachment (
    id           varchar(40)  primary key,
    dispute_id   varchar(40)  not null references invoice_dispute (id),
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null,
    content      bytea        not null,
    added_by     varchar(100) not null,
    added_at     timestamp with time zone not null
);
create index dispute_attachment_by_dispute on dispute_attachment (dispute_id);
