-- Published by customers for other modules' SQL (issue 22, ModuleTablesTests): the address invoices are mailed to.
create view customers_email as
select c.id as customer_id, c.email from customer c;
