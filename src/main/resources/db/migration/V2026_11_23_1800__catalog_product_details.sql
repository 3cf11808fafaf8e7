-- What invoices and the ledger need of a product: its description, the legal wording of a VAT exemption,
-- and the revenue account it is booked to.
alter table product add column description varchar(2000);
alter table product add column exemption_reason varchar(300);
alter table product add column revenue_account varchar(10) not null default '706000';
