-- VAT category of each invoice line (EN 16931 / UNCL 5305: S standard, E exempt, AE reverse charge,
-- K intra-community supply, G export); lines billed before were S above zero and E at zero.
alter table invoice_line add column tax_category varchar(2);
update invoice_line set tax_category = case when tax_rate = 0 then 'E' else 'S' end;
alter table invoice_line alter column tax_category set not null;

-- Document-level allowances (BG-20) and charges (BG-21): amounts without VAT, with their reason
-- and the VAT rate and category they fall under.
create table invoice_adjustment (
    invoice_id       varchar(40)    not null references invoice (id),
    adjustment_index integer        not null,
    charge           boolean        not null,
    reason           varchar(200)   not null,
    amount           numeric(19, 4) not null,
    tax_rate         numeric(5, 2)  not null,
    tax_category     varchar(2)     not null,
    primary key (invoice_id, adjustment_index)
);

-- The last issue date of a numbered series, kept with its counter: numbers and dates stay in the
-- same order without scanning the invoices.
alter table document_counter add column last_date date;
