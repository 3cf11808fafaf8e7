package io.encaisse.payments.domain;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

public interface PaymentRepository extends ListCrudRepository<Payment, String> {

	List<Payment> findByOrderByIdDesc(Limit limit);

	List<Payment> findByIdLessThanOrderByIdDesc(String id, Limit limit);

	List<Payment> findByCustomerIdOrderByIdDesc(String customerId);

}
