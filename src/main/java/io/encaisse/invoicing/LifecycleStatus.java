package io.encaisse.invoicing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The statuses of the French e-invoicing reform's invoice lifecycle (cycle de vie), by
 * their codes. 200, 210, 212 and 213 are the mandatory ones; the others are what
 * platforms and buyers may report.
 */
public enum LifecycleStatus {

	SUBMITTED(200, "Déposée"), ISSUED_BY_PLATFORM(201, "Émise par la plateforme"),
	RECEIVED_BY_PLATFORM(202, "Reçue par la plateforme"), MADE_AVAILABLE(203, "Mise à disposition"),
	TAKEN_OVER(204, "Prise en charge"), APPROVED(205, "Approuvée"), PARTIALLY_APPROVED(206, "Approuvée partiellement"),
	DISPUTED(207, "En litige"), SUSPENDED(208, "Suspendue"), COMPLETED(209, "Complétée"), REFUSED(210, "Refusée"),
	PAYMENT_SENT(211, "Paiement transmis"), PAID(212, "Encaissée"), REJECTED(213, "Rejetée");

	private final int code;

	private final String label;

	LifecycleStatus(int code, String label) {
		this.code = code;
		this.label = label;
	}

	public int code() {
		return this.code;
	}

	/** The reform's French name. */
	public String label() {
		return this.label;
	}

	public static Optional<LifecycleStatus> of(int code) {
		return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
	}

}
