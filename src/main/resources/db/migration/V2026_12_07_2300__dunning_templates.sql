-- A dunning level's own wording per language (issue 23), replacing the built-in one when set.
create table dunning_template (
    policy_id  varchar(40)    not null,
    level      integer        not null,
    language   varchar(2)     not null,
    subject    varchar(200)   not null,
    body       varchar(10000) not null,
    updated_by varchar(100)   not null,
    updated_at timestamp with time zone not null,
    primary key (policy_id, level, language),
    foreign key (policy_id, level) references dunning_level (policy_id, level)
);
