-- The conversation of a dispute (issue 23): comments by staff and by the customer from their account page, kept
-- as written.
create table dispute_comment (
    id          varchar(40)   primary key,
    dispute_id  varchar(40)   not null references invoice_dispute (id),
    body        varchar(2000) not null,
    written_by  varchar(100)  not null,
    written_at  timestamp with time zone not null
);
create index dispute_comment_by_dispute on dispute_comment (dispute_id, written_at);
