package io.encaisse.collections;

import io.encaisse.invoicing.InvoiceContested;
import io.encaisse.shared.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * An invoice the buyer contests through the e-invoicing platform (207 en litige, 210
 * refusée) is disputed at once for what is open on it, so that dunning pauses; once per
 * invoice while a dispute is open (a status reported twice opens one).
 */
@Component
class DisputesFromLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DisputesFromLifecycle.class);

	private final Disputes disputes;

	private final io.encaisse.invoicing.Invoicing invoicing;

	DisputesFromLifecycle(Disputes disputes, io.encaisse.invoicing.Invoicing invoicing) {
		this.disputes = disputes;
		this.invoicing = invoicing;
	}

	@AfterCommit
	void on(InvoiceContested contested) {
		if (this.disputes.hasOpen(contested.invoiceId())
				|| this.invoicing.findById(contested.invoiceId()).filter(i -> i.status().isOpen()).isEmpty()) {
			// disputed already, or paid or credited meanwhile: nothing left to dispute
			return;
		}
		String message = "e-invoicing status " + contested.code()
				+ (contested.note() == null || contested.note().isBlank() ? "" : ": " + contested.note());
		this.disputes.open(contested.invoiceId(), new Disputes.Input(DisputeReason.OTHER.name(), null, null, null,
				message.length() > 2000 ? message.substring(0, 2000) : message));
		log.info("Invoice {} contested on the platform ({}): disputed", contested.number(), contested.code());
	}

}
