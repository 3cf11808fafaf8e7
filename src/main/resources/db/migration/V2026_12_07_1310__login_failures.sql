-- Failed logins per user name: after five in a row the name is locked for a while that doubles with each further
-- failure (1 minute, 2, 4 ... at most an hour); a successful login clears it.
create table login_failure (
    username        varchar(100) primary key,
    failures        integer not null,
    last_failure_at timestamp with time zone not null,
    locked_until    timestamp with time zone
);
