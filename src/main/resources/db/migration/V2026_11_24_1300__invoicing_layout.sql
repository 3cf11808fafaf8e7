-- The company's invoice layout: a logo (PNG or JPEG, checked and flattened on upload) and an accent colour.
create table invoice_layout (
    id            integer      primary key,
    accent_colour varchar(7)   not null,
    logo          bytea,
    logo_type     varchar(20),
    updated_by    varchar(100) not null,
    updated_at    timestamp with time zone not null
);
