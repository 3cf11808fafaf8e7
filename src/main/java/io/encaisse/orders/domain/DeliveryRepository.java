package io.encaisse.orders.domain;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface DeliveryRepository extends ListCrudRepository<Delivery, String> {

	List<Delivery> findByOrderIdOrderByIdAsc(String orderId);

	long countByOrderId(String orderId);

}
