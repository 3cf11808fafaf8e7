package io.encaisse.quotes.domain;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface QuoteRepository extends ListCrudRepository<Quote, String> {

	List<Quote> findByCustomerIdOrderByIdDesc(String customerId);

	List<Quote> findByStatusOrderByIdAsc(io.encaisse.quotes.QuoteStatus status);

}
