-- What a payer's bank account told us, and the candidates offered to a person when matching is not certain.
alter table payment add column payer_iban varchar(34);
alter table payment add column payer_name varchar(200);

create table payment_suggestion (
    payment_id     varchar(40)    not null references payment (id),
    line_index     integer        not null,
    invoice_id     varchar(40)    not null,
    invoice_number varchar(30)    not null,
    amount         numeric(19, 4) not null,
    confidence     numeric(3, 2)  not null,
    reason         varchar(500)   not null,
    primary key (payment_id, line_index)
);

-- Payer accounts learnt from confirmed matches: the next payment from this IBAN is this customer's.
create table payer_account (
    iban        varchar(34) primary key,
    customer_id varchar(40) not null references customer (id),
    learnt_at   timestamp with time zone not null
);
