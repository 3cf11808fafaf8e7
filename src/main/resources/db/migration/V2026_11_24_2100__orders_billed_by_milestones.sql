-- Published for reporting: orders billed by milestones, whose deliveries are not billed one by one.
create view orders_billed_by_milestones as
select distinct m.order_id from order_milestone m;
