-- People and their roles (issue 25): a user holds one or more roles; a user is invited by email (a link to set a
-- password) and may be sent a new one; each password set bumps the credential version, which the links carry, so
-- a link sets a password once.
create table staff_user_role (
    username varchar(100) not null references staff_user (username),
    role     varchar(30)  not null,
    primary key (username, role)
);
insert into staff_user_role (username, role) select username, role from staff_user;
alter table staff_user drop column role;
alter table staff_user add column email varchar(200);
alter table staff_user add column credential_version integer default 0 not null;
