package io.encaisse.customers.domain;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

public interface CustomerRepository extends ListCrudRepository<Customer, String> {

	List<Customer> findByOrderByIdDesc(Limit limit);

	List<Customer> findByIdLessThanOrderByIdDesc(String id, Limit limit);

	List<Customer> findByNameContainingIgnoreCaseOrderByNameAsc(String name, Limit limit);

	List<Customer> findAllByOrderByNameAsc();

	boolean existsByLegalId(String legalId);

	boolean existsByVatNumber(String vatNumber);

}
