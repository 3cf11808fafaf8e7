package io.encaisse.customers.domain;

import org.springframework.data.repository.ListCrudRepository;

public interface CustomerRepository extends ListCrudRepository<Customer, String> {

	boolean existsByLegalId(String legalId);

	boolean existsByVatNumber(String vatNumber);

}
