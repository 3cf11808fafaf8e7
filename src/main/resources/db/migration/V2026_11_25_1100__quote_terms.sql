-- Quote terms (issue 4): optional lines the customer may take on acceptance (chosen), billing terms per
-- line (ON_ORDER, ON_DELIVERY, ON_MILESTONE, RECURRING with its period), payment terms and conditions of
-- the quote, carried to the order and its invoices.
alter table quote_line add column optional_line boolean default false not null;
alter table quote_line add column billing varchar(20) default 'ON_DELIVERY' not null;
alter table quote_line add column billing_period varchar(12);
alter table quote_line add column chosen boolean;
alter table quote add column payment_terms_days integer;
alter table quote add column conditions varchar(4000);
alter table order_line add column billing varchar(20) default 'ON_DELIVERY' not null;
alter table customer_order add column payment_terms_days integer;
