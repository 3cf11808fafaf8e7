-- The Message-ID each mail left with, so a bounce (a delivery status notification read from the bounce
-- mailbox) finds its sending and marks it BOUNCED with the receiving server's reason.
alter table invoice_sending add column message_id varchar(250);
create index invoice_sending_by_message on invoice_sending (message_id);
