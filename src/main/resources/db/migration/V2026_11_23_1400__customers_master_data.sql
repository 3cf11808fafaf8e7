-- Customer master data for invoicing and the 2026 e-invoicing reform.
alter table customer add column siret varchar(14);
alter table customer add column delivery_line1 varchar(200);
alter table customer add column delivery_postal_code varchar(20);
alter table customer add column delivery_city varchar(100);
alter table customer add column delivery_country varchar(2);
alter table customer add column payment_terms_end_of_month boolean not null default false;
alter table customer add column payment_method varchar(20) not null default 'TRANSFER';
alter table customer add column iban varchar(34);
alter table customer add column risk_class varchar(10) not null default 'LOW';
alter table customer add column notes varchar(2000);
alter table customer add column routing_code varchar(100);
alter table customer add column receiving_platform varchar(100);
alter table customer add column operation_category varchar(10) not null default 'MIXED';
create index customer_by_legal_id on customer (legal_id);
create index customer_by_vat_number on customer (vat_number);

create table customer_contact (
    customer_id varchar(40)  not null references customer (id),
    line_index  integer      not null,
    name        varchar(200) not null,
    email       varchar(200),
    phone       varchar(40),
    role        varchar(20)  not null,
    primary key (customer_id, line_index)
);

-- "45 jours fin de mois": the due date goes to the end of its month.
alter table invoice add column payment_terms_end_of_month boolean not null default false;
