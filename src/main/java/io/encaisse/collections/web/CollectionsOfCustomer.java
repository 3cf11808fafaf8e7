package io.encaisse.collections.web;

import java.util.ArrayList;
import java.util.List;

import io.encaisse.collections.CollectionSettings;
import io.encaisse.collections.DunningRuns;
import io.encaisse.collections.Promises;
import io.encaisse.customers.CreditHolds;
import io.encaisse.customers.CustomerRelationship;
import io.encaisse.shared.web.Formats;

import org.springframework.stereotype.Component;

/**
 * The customer page's collections section: a credit hold if any, the reminders sent, the
 * promises to pay, the statement of account; and whether the customer is dunned.
 */
@Component
class CollectionsOfCustomer implements CustomerRelationship {

	private final DunningRuns runs;

	private final Promises promises;

	private final CreditHolds holds;

	private final CollectionSettings settings;

	private final Formats fmt;

	private final org.springframework.context.MessageSource messages;

	CollectionsOfCustomer(DunningRuns runs, Promises promises, CreditHolds holds, CollectionSettings settings,
			Formats fmt, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.runs = runs;
		this.promises = promises;
		this.holds = holds;
		this.settings = settings;
		this.fmt = fmt;
	}

	@Override
	public List<Section> of(String customerId) {
		List<Entry> entries = new ArrayList<>();
		this.holds.of(customerId)
			.ifPresent(h -> entries.add(new Entry("⛔ " + h.reason(), "/collections/customers/" + customerId, "ON_HOLD",
					null, this.fmt.instant(h.heldAt()))));
		entries.add(new Entry(text("collections.statement"), "/collections/customers/" + customerId + "/statement",
				"STATEMENT", null, null));
		for (DunningRuns.Message m : this.runs.ofCustomer(customerId)) {
			if (entries.size() >= Section.SHOWN) {
				break;
			}
			// a reminder to print opens as its letter
			boolean printed = m.channel() == io.encaisse.collections.DunningChannel.LETTER
					|| m.channel() == io.encaisse.collections.DunningChannel.FORMAL_NOTICE;
			entries.add(new Entry(text("collections.entry.reminder", m.level(), m.invoices()),
					printed ? "/collections/messages/" + m.id() + "/letter" : "/collections/customers/" + customerId,
					m.channel().name(), this.fmt.amount(m.totalDue(), m.currency()), null));
		}
		for (Promises.Promise p : this.promises.ofCustomer(customerId)) {
			if (entries.size() >= Section.SHOWN) {
				break;
			}
			entries.add(new Entry(text("collections.entry.promise", this.fmt.date(p.promisedOn())),
					"/collections/customers/" + customerId, p.status().name(),
					this.fmt.amount(p.amount(), p.currency()), null));
		}
		boolean dunned = !this.settings.of(customerId).excluded();
		return List.of(new Section(6, "nav.collections", entries,
				List.of(new Toggle("collections.dunned", dunned, "/collections/customers/" + customerId + "/dunned"))));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

}
