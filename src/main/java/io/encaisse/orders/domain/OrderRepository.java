package io.encaisse.orders.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface OrderRepository extends ListCrudRepository<Order, String> {

	Optional<Order> findByQuoteId(String quoteId);

	List<Order> findByCustomerIdOrderByIdDesc(String customerId);

}
