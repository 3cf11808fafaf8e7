create table staff_user (
    username      varchar(100) primary key,
    display_name  varchar(200) not null,
    password_hash varchar(200) not null,
    role          varchar(30)  not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null
);

create table api_key (
    id          varchar(40)  primary key,
    name        varchar(200) not null,
    role        varchar(30)  not null,
    key_hash    varchar(64)  not null unique,
    key_prefix  varchar(16)  not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(200) not null,
    revoked_at  timestamp with time zone
);
