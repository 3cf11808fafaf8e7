package io.encaisse.customers;

import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.encaisse.customers.domain.CustomerRepository;
import io.encaisse.shared.Csv;
import io.encaisse.shared.Problem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers from a CSV file, all or nothing. A customer whose SIREN or VAT number is
 * already known (or appears twice in the file) is a duplicate: the file is refused with
 * the line, never half imported.
 */
@Service
public class CustomerFile {

	public static final List<String> COLUMNS = List.of("name", "legal_id", "vat_number", "email", "line1",
			"postal_code", "city", "country", "payment_terms_days", "credit_limit", "currency", "language");

	private final Customers customers;

	private final CustomerRepository repository;

	CustomerFile(Customers customers, CustomerRepository repository) {
		this.customers = customers;
		this.repository = repository;
	}

	public record Imported(int customers) {
	}

	@Transactional
	public Imported importCsv(Reader csv) {
		Problem.Errors errors = new Problem.Errors();
		Set<String> seen = new HashSet<>();
		int[] count = new int[1];
		Csv.read(csv, List.of("name"), row -> {
			String siren = row.get("legal_id") == null ? null : row.get("legal_id").replace(" ", "");
			String vat = row.get("vat_number") == null ? null : row.get("vat_number").replace(" ", "").toUpperCase();
			if (siren != null && (this.repository.existsByLegalId(siren) || !seen.add("siren:" + siren))) {
				errors.addAtLine(row.line(), "legal_id", "a customer with SIREN " + siren + " already exists");
				return;
			}
			if (vat != null && (this.repository.existsByVatNumber(vat) || !seen.add("vat:" + vat))) {
				errors.addAtLine(row.line(), "vat_number", "a customer with VAT number " + vat + " already exists");
				return;
			}
			Integer terms = null;
			if (row.get("payment_terms_days") != null) {
				try {
					terms = Integer.valueOf(row.get("payment_terms_days"));
				}
				catch (NumberFormatException ex) {
					errors.addAtLine(row.line(), "payment_terms_days",
							"'" + row.get("payment_terms_days") + "' is not a number of days");
					return;
				}
			}
			try {
				this.customers.register(new CustomerInput(row.get("name"), siren, vat, row.get("email"),
						new CustomerInput.AddressInput(row.get("line1"), row.get("postal_code"), row.get("city"),
								row.get("country")),
						terms, row.get("credit_limit"), row.get("currency"), row.get("language"))
					.withSegment(row.get("segment")));
				count[0]++;
			}
			catch (Problem.Refused refused) {
				errors.addAllAtLine(row.line(), refused.errors());
			}
		});
		errors.throwIfAny();
		return new Imported(count[0]);
	}

}
