-- Audit trail of every change to a business document.
create table audit_event (
    id            varchar(40)  primary key,
    document_type varchar(40)  not null,
    document_id   varchar(40)  not null,
    action        varchar(80)  not null,
    actor         varchar(200) not null,
    occurred_at   timestamp with time zone not null,
    changes       varchar(4000) not null
);
create index audit_event_by_document on audit_event (document_type, document_id);

-- Answers to POST requests sent with an Idempotency-Key, per caller.
create table idempotency_key (
    owner             varchar(200) not null,
    idem_key          varchar(255) not null,
    request_hash      varchar(64)  not null,
    response_status   integer,
    response_type     varchar(200),
    response_body     varchar,
    response_location varchar(500),
    created_at        timestamp with time zone not null,
    primary key (owner, idem_key)
);

-- Gapless counters (invoice numbers, quote numbers...), one row per series, updated in the
-- transaction that uses the number: a rollback gives the number back.
create table document_counter (
    series     varchar(60) primary key,
    last_value bigint      not null
);

-- Spring Modulith event publication registry (schema v2).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
