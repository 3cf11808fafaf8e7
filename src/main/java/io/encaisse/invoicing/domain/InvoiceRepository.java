package io.encaisse.invoicing.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface InvoiceRepository extends ListCrudRepository<Invoice, String> {

	Optional<Invoice> findBySourceRef(String sourceRef);

	Optional<Invoice> findByNumber(String number);

	Optional<Invoice> findByPaymentReference(String paymentReference);

	List<Invoice> findByOrderIdOrderByIdAsc(String orderId);

	List<Invoice> findByCreditedInvoiceIdOrderByIdAsc(String invoiceId);

	long countByOrderIdAndKind(String orderId, Invoice.Kind kind);

}
