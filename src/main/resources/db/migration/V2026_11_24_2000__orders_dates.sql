-- When the order should arrive as we promise it (the customer's wish is requested_delivery).
alter table customer_order add column estimated_delivery date;
