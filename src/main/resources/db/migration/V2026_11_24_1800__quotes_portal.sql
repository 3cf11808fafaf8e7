-- Secrets the application keeps for itself (the key that signs customer links), the same on every node.
create table app_secret (
    name  varchar(40)  primary key,
    secret varchar(200) not null
);

-- What a customer decided through their link: who (typed name), when, from where, on which revision
-- (its number and a SHA-256 of its content as shown), and why when declined.
create table quote_decision (
    id            varchar(40)  primary key,
    quote_id      varchar(40)  not null references quote (id),
    revision      integer      not null,
    decision      varchar(10)  not null,
    name          varchar(200) not null,
    ip            varchar(64)  not null,
    user_agent    varchar(300),
    revision_hash varchar(64)  not null,
    reason        varchar(2000),
    decided_at    timestamp with time zone not null
);

-- Quotes mailed to the customer with their link.
create table quote_sending (
    id         varchar(40)  primary key,
    quote_id   varchar(40)  not null references quote (id),
    revision   integer      not null,
    recipient  varchar(200) not null,
    status     varchar(10)  not null,
    last_error varchar(500),
    sent_at    timestamp with time zone
);
