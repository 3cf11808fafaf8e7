-- Idempotent replays belong to one caller's id (an API key's id, not its name, which may repeat) and to one
-- operation (method and path); a request in flight holds a lease that a crash lets expire, so a retry can take
-- over; answers are kept 24 hours. The old rows were scoped by name: they are dropped, not migrated (a retry
-- within the upgrade window runs again, as it would after 24 hours).
drop table idempotency_key;
create table idempotency_key (
    owner             varchar(100) not null,
    scope             varchar(64)  not null,
    idem_key          varchar(255) not null,
    request_method    varchar(10)  not null,
    request_path      varchar(500) not null,
    request_hash      varchar(64)  not null,
    response_status   integer,
    response_type     varchar(200),
    response_body     varchar,
    response_location varchar(500),
    created_at        timestamp with time zone not null,
    lease_until       timestamp with time zone,
    primary key (owner, scope, idem_key)
);
create index idempotency_key_by_created_at on idempotency_key (created_at);

-- Who acted, unambiguously: key:<key id>, user:<username> or system (actor keeps the readable name).
alter table audit_event add column actor_id varchar(100);
-- a customer's item code is audited as <customer id>:<code> (40 + 1 + up to 64 characters)
alter table audit_event alter column document_id set data type varchar(200);
