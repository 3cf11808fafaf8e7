package io.encaisse.payments.domain;

import org.springframework.data.repository.ListCrudRepository;

public interface PaymentRepository extends ListCrudRepository<Payment, String> {

}
