-- The legal wording of a line's VAT exemption, taken from the product when the invoice is made and kept with it.
alter table invoice_line add column exemption_reason varchar(500);
