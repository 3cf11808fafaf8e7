-- Comments on a quote: internal (sales and sales administration) or visible to the customer.
create table quote_comment (
    id         varchar(40)   primary key,
    quote_id   varchar(40)   not null references quote (id),
    author     varchar(200)  not null,
    visibility varchar(20)   not null,
    body       varchar(4000) not null,
    created_at timestamp with time zone not null
);
create index quote_comment_by_quote on quote_comment (quote_id, created_at);
