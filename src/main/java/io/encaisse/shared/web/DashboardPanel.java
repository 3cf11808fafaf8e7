package io.encaisse.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A panel a module puts on the dashboard (orders waiting too long at a step, say) without
 * the dashboard depending on it: the page shows every panel present, in {@link #order()}.
 */
public interface DashboardPanel {

	/** Empty when there is nothing worth showing. */
	Optional<Panel> panel(Locale locale);

	default int order() {
		return 100;
	}

	/**
	 * {@code tone}: {@code ok}, {@code warn} or {@code alert}; {@code items} the first
	 * few, each with a link; {@code link} the worklist where the rest is.
	 */
	record Panel(String id, String title, String summary, String tone, List<Item> items, String link,
			String linkLabel) {

		public Panel {
			items = List.copyOf(items);
		}

	}

	record Item(String label, String detail, String href) {
	}

}
