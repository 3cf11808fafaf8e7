-- A dispute may name the invoice lines it is about, and the credit note that resolved it (issue 23).
alter table invoice_dispute add column line_numbers varchar(200);
alter table invoice_dispute add column credit_note_id varchar(40) references invoice (id);
