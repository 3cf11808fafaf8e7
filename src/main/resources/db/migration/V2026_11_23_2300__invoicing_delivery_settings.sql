-- How each customer receives its invoices; no row: by email when the customer has a billing email.
create table invoice_delivery_setting (
    customer_id varchar(40) primary key references customer (id),
    by_email    boolean     not null,
    updated_at  timestamp with time zone not null
);
