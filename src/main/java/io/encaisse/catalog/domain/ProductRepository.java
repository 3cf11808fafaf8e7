package io.encaisse.catalog.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

public interface ProductRepository extends ListCrudRepository<Product, String> {

	Optional<Product> findBySku(String sku);

	boolean existsBySku(String sku);

	List<Product> findByOrderByIdDesc(Limit limit);

	List<Product> findByIdLessThanOrderByIdDesc(String id, Limit limit);

	List<Product> findAllByOrderBySkuAsc();

}
